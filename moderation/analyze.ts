import { normalize } from './normalize/normalize.ts';
import type { Analysis } from './rules/rule.ts';
import { scanLexicon, type Lexicon } from './words/lexicon.ts';
import { tokenize } from './words/tokenize.ts';

/** Normalizes, tokenizes and scans a text against a compiled lexicon. */
export function analyze(lexicon: Lexicon, text: string): Analysis {
  const normalized = normalize(text);
  const tokens = tokenize(normalized.text);
  return { normalized, tokens, hits: scanLexicon(lexicon, normalized.text, tokens, normalized, text) };
}

import { createModerator } from '../moderator.ts';
import type { Policy } from '../policy.ts';
import type { ModerationContext, ModerationInput, Verdict } from '../types.ts';
import { baseContext } from './author-history.ts';

/**
 * One input line: a JSON string, or an object with `text` and optional `authorName` and `context`.
 * The line's context overrides `base` (the simulated author and thread) field by field.
 */
export function parseLine(line: string, lineNo: number, base: ModerationContext = baseContext('established')): ModerationInput | { error: string } {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return { error: `line ${lineNo}: not JSON` };
  }
  if (typeof v === 'string') return { text: v, authorName: '', context: base };
  if (typeof v !== 'object' || v === null || !('text' in v) || typeof v.text !== 'string') {
    return { error: `line ${lineNo}: expected a JSON string or an object with a "text" string` };
  }
  const name = 'authorName' in v && typeof v.authorName === 'string' ? v.authorName : '';
  const ctx = 'context' in v && typeof v.context === 'object' && v.context !== null ? (v.context as Partial<ModerationContext>) : {};
  return {
    text: v.text,
    authorName: name,
    context: {
      now: ctx.now ?? base.now,
      author: { ...base.author, ...ctx.author },
      thread: { ...base.thread, ...ctx.thread },
    },
  };
}

/** A short human summary of a verdict: each rule with the words it highlighted. */
export function describeVerdict(text: string, v: Verdict): string {
  const parts = v.reasons.map((r) => {
    const found = r.spans.map((s) => JSON.stringify(text.slice(s.start, s.end)));
    return found.length > 0 ? `${r.rule}(${r.action}: ${found.join(', ')})` : `${r.rule}(${r.action})`;
  });
  return parts.join(' ');
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

/** Runs `check`: one output line per input line, each in `base` unless the line brings its own context. */
export function checkLines(
  lines: readonly string[],
  policy: Policy,
  json: boolean,
  base: ModerationContext = baseContext('established'),
): { out: string[]; failed: boolean } {
  const moderate = createModerator(policy);
  const out: string[] = [];
  let failed = false;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const input = parseLine(line, i + 1, base);
    if ('error' in input) {
      out.push(json ? JSON.stringify({ line: i + 1, error: input.error }) : input.error);
      failed = true;
      return;
    }
    const v = moderate(input);
    out.push(
      json
        ? JSON.stringify({ line: i + 1, ...v })
        : `${String(i + 1).padStart(4)}  ${v.action.padEnd(7)}  ${clip(input.text)}${v.reasons.length > 0 ? `\n        ${describeVerdict(input.text, v)}` : ''}`,
    );
  });
  return { out, failed };
}

/** Runs `check --diff`: only the lines whose verdict changes between two policies, then a count. */
export function diffLines(lines: readonly string[], before: Policy, after: Policy, base: ModerationContext = baseContext('established')): string[] {
  const a = createModerator(before);
  const b = createModerator(after);
  const out: string[] = [];
  let changed = 0;
  let total = 0;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const input = parseLine(line, i + 1, base);
    if ('error' in input) return;
    total++;
    const va = a(input);
    const vb = b(input);
    const ra = va.reasons
      .map((r) => `${r.rule}:${r.action}`)
      .sort()
      .join(' ');
    const rb = vb.reasons
      .map((r) => `${r.rule}:${r.action}`)
      .sort()
      .join(' ');
    if (va.action === vb.action && ra === rb) return;
    changed++;
    out.push(`${String(i + 1).padStart(4)}  ${va.action} → ${vb.action}  ${clip(input.text)}`);
    out.push(`        before: ${describeVerdict(input.text, va) || '(no reasons)'}`);
    out.push(`        after:  ${describeVerdict(input.text, vb) || '(no reasons)'}`);
  });
  out.push(`${changed} of ${total} verdicts change.`);
  return out;
}

/**
 * The filters `npm run bench:moderation` compares, each built once and asked one question per
 * comment: would it flag this? Every library gets the same Indonesian words our engine knows (none
 * of them ships Indonesian), in the form its matcher expects; everything else is its default,
 * with its evasion handling switched on where that is an option, and result caches left off (the
 * throughput rounds repeat the same comments, and a cache would time a map lookup).
 */
import { readFileSync } from 'node:fs';
import { AllProfanity } from 'allprofanity';
import { Filter } from 'bad-words';
import { Filter as GlinFilter } from 'glin-profanity';
import { DataSet, englishDataset, englishRecommendedTransformers, parseRawPattern, RegExpMatcher } from 'obscenity';
import { createModerator, defaultPolicy, type ModerationInput } from '../moderation/index.ts';
import { affixedForms, indonesianAbbreviations, indonesianStems } from '../moderation/words/indonesian.ts';

/** One filter under test. */
export interface Engine {
  readonly name: string;
  readonly version: string;
  readonly flags: (text: string) => boolean;
}

const versionOf = (pkg: string): string => {
  const json: unknown = JSON.parse(readFileSync(new URL(`../node_modules/${pkg}/package.json`, import.meta.url), 'utf8'));
  return typeof json === 'object' && json !== null && 'version' in json && typeof json.version === 'string' ? json.version : '?';
};

/** Our engine with the default policy, for an established author on an open thread. */
function rembuk(): Engine {
  const moderate = createModerator(defaultPolicy);
  const context: ModerationInput['context'] = {
    now: 1_700_000_000_000,
    author: { id: 'bench', approvedCount: 10, rejectedCount: 0, recentPosts: [], trusted: false, bannedUntil: null },
    thread: { preModerated: false, closed: false },
  };
  return { name: 'rembuk', version: '', flags: (text) => moderate({ text, authorName: 'Pembaca', context }).action !== 'publish' };
}

/**
 * The Indonesian words for whole-word matchers: every affixed form of our stems, and the
 * abbreviations. obscenity gets the stems instead, since its patterns also match inside words.
 */
export const indonesianWords: readonly string[] = [...new Set([...indonesianStems.flatMap(affixedForms), ...indonesianAbbreviations])];

function obscenity(): Engine {
  const data = new DataSet<{ originalWord: string }>().addAll(englishDataset);
  for (const w of [...indonesianStems, ...indonesianAbbreviations]) {
    // Like obscenity's own English entries: short words need word boundaries, longer ones match inside words.
    const p = w.length < 5 ? `|${w}|` : w;
    data.addPhrase((phrase) => phrase.setMetadata({ originalWord: w }).addPattern(parseRawPattern(p)));
  }
  const matcher = new RegExpMatcher({ ...data.build(), ...englishRecommendedTransformers });
  return { name: 'obscenity', version: versionOf('obscenity'), flags: (text) => matcher.hasMatch(text) };
}

/** Its defaults (English and Hindi, every evasion pass on, no cache) plus our words; `check` stops at the first match. */
function allprofanity(): Engine {
  const filter = new AllProfanity({ silent: true, performance: { enableCaching: false } });
  filter.add([...indonesianWords]);
  return { name: 'allprofanity', version: versionOf('allprofanity'), flags: (text) => filter.check(text) };
}

/** English plus our words as custom words; leetspeak detection is off by default, so it is switched on (its default level). */
function glinProfanity(): Engine {
  const filter = new GlinFilter({
    languages: ['english'],
    customWords: [...indonesianWords],
    detectLeetspeak: true,
    normalizeUnicode: true,
    cacheResults: false,
  });
  return { name: 'glin-profanity', version: versionOf('glin-profanity'), flags: (text) => filter.isProfane(text) };
}

function badWords(): Engine {
  const filter = new Filter();
  filter.addWords(...indonesianWords);
  return { name: 'bad-words', version: versionOf('bad-words'), flags: (text) => filter.isProfane(text) };
}

/** The five filters, ours first. */
export function buildEngines(): readonly Engine[] {
  return [rembuk(), obscenity(), allprofanity(), glinProfanity(), badWords()];
}

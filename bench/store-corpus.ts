/**
 * Text and comments for the store benchmark, from a seeded generator so every run (and both
 * stores within a run) gets the same data. The words come from the moderation corpus's
 * ordinary comments (bench/moderation-corpus-data.ts), which no rule may flag; sentences of
 * them, with no word twice in a row and no digits or acronyms, trip none of the rules that
 * stay on (links, contact, gambling, shouting, repetition, words), so every post exercises
 * the whole pipeline and is published. The benchmark counts any that are not.
 */
import { parsePolicy } from '../moderation/index.ts';
import { createSiteModeration } from '../server/comments/moderate.ts';
import type { ModerationRecord, NewComment, NewCommentStatus } from '../server/store/types.ts';
import { ordinaryEn, ordinaryId } from './moderation-corpus-data.ts';

export type Lang = 'en' | 'id';

/** A small, fast, seeded generator (mulberry32); `Math.random` cannot be replayed. */
export interface Random {
  /** In [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** A standard normal deviate (Box–Muller). */
  normal(): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}

/** Lower-case words of three letters or more: no digits, no acronyms (shouting), no fragments. */
function vocabulary(sentences: readonly string[]): readonly string[] {
  const words = new Set<string>();
  for (const sentence of sentences) {
    for (const raw of sentence.split(/\s+/)) {
      const word = raw.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (word.length < 3 || !/^\p{L}[\p{Ll}'-]*$/u.test(word)) continue;
      words.add(word.toLowerCase());
    }
  }
  return [...words];
}

const VOCABULARY: Record<Lang, readonly string[]> = { en: vocabulary(ordinaryEn), id: vocabulary(ordinaryId) };

/** How many distinct words each language's generator draws from. */
export const vocabularySizes = { en: VOCABULARY.en.length, id: VOCABULARY.id.length };

/**
 * A comment's length in characters: log-normal around a median of 160 (mean ≈ 240), from a
 * one-line reply to a few paragraphs, capped well under the 5,000-character limit.
 */
export function commentLength(rng: Random): number {
  return Math.max(12, Math.min(3_000, Math.round(160 * Math.exp(0.9 * rng.normal()))));
}

/** Sentences of 5–16 words until the text is about `targetChars` long. */
export function commentText(rng: Random, lang: Lang, targetChars: number): string {
  const words = VOCABULARY[lang];
  const sentences: string[] = [];
  let length = 0;
  let previous = '';
  while (length < targetChars) {
    const count = 5 + rng.int(12);
    let sentence = '';
    for (let i = 0; i < count; i++) {
      let word = rng.pick(words);
      while (word === previous) word = rng.pick(words);
      previous = word;
      if (i === 0) sentence = word.charAt(0).toUpperCase() + word.slice(1);
      else sentence += (i > 2 && rng.next() < 0.08 ? ', ' : ' ') + word;
    }
    const end = rng.next();
    sentence += end < 0.8 ? '.' : end < 0.93 ? '?' : '!';
    sentences.push(sentence);
    length += sentence.length + 1;
  }
  return sentences.join(' ');
}

const FIRST_NAMES = [
  'Budi',
  'Siti',
  'Agus',
  'Dewi',
  'Rina',
  'Andi',
  'Wahyu',
  'Putri',
  'Joko',
  'Lestari',
  'Hendra',
  'Ayu',
  'Rizky',
  'Fitri',
  'Yusuf',
  'Indah',
  'Bayu',
  'Maya',
  'Anna',
  'James',
  'Maria',
  'David',
  'Laura',
  'Thomas',
  'Sarah',
  'Peter',
  'Emma',
  'Daniel',
] as const;
const LAST_NAMES = [
  'Santoso',
  'Wijaya',
  'Pratama',
  'Hidayat',
  'Saputra',
  'Kurniawan',
  'Nugroho',
  'Setiawan',
  'Halim',
  'Siregar',
  'Lubis',
  'Tanjung',
  'Smith',
  'Brown',
  'Wilson',
  'Taylor',
  'Moore',
  'Clark',
] as const;

/** A display name per author index, stable across runs. */
export function authorName(index: number): string {
  const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Budi';
  const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Santoso';
  return `${first} ${last}`;
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A base64url string like the server's ids (`randomBytes(12).toString('base64url')`: 16 chars). */
export function randomToken(rng: Random, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ID_ALPHABET.charAt(rng.int(64));
  return out;
}

export interface DatasetPlan {
  comments: number;
  threads: number;
  authors: number;
  site: string;
  seed: number;
  /** The first comment's time (epoch ms); the last is a year later. */
  startAt: number;
}

export interface DatasetComment {
  comment: NewComment;
  key: string;
}

/** A thread's page id, shaped like an article path. */
export const threadPage = (index: number) => `/2025/energi/artikel-${String(index).padStart(4, '0')}/`;

/** Comments per thread follow Zipf's law (s = 1): thread 0 is the biggest, by far, as on a real site. */
export function threadWeights(threads: number): number[] {
  const weights = Array.from({ length: threads }, (_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/**
 * Held and rejected comments carry what the real engine says of them (through the server's
 * own seam), so their stored reasons and spans are the server's: held as a new author's
 * comment, rejected for a word on the site's banned list that their text ends with.
 */
function createDatasetModeration(site: string) {
  const policy = parsePolicy({
    newAuthor: { holdFirst: 1 },
    words: { banned: [BANNED_WORD] },
    velocity: { enabled: false },
    duplicate: { enabled: false },
  });
  if (!policy.ok) throw new Error(`the data set's moderation policy is not valid: ${JSON.stringify(policy.errors)}`);
  const moderate = createSiteModeration((s) => (s === site ? { policy: policy.policy, preModerated: false, closedPages: [] } : undefined));
  return (comment: Omit<NewComment, 'moderation'>): ModerationRecord => {
    if (comment.status === 'published') return PUBLISHED;
    const verdict = moderate({
      site,
      page: comment.page,
      text: comment.text,
      authorName: comment.authorName,
      authorId: comment.authorId,
      history: {
        approvedCount: comment.status === 'pending' ? 0 : 5,
        rejectedCount: 0,
        recentPosts: [],
        bannedUntil: null,
        trusted: false,
        firstSeen: null,
        name: null,
      },
      now: comment.createdAt,
    });
    const expected = comment.status === 'pending' ? 'hold' : 'reject';
    if (verdict.action !== expected) throw new Error(`the data set's ${comment.status} comment was moderated ${verdict.action}: ${comment.text}`);
    return { action: verdict.action, reasons: verdict.reasons };
  };
}

const PUBLISHED: ModerationRecord = { action: 'publish', reasons: [] };
const BANNED_WORD = 'penipu';

/**
 * The stored data set, in time order: threads by Zipf weight, authors uniform, 96.5%
 * published, 3% held, 0.5% rejected (moderated as above), 30% replies to one of the
 * thread's last 50 published comments; 70% of threads Indonesian. Deterministic for a plan.
 */
export function* datasetComments(plan: DatasetPlan): Generator<DatasetComment> {
  const rng = createRandom(plan.seed);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of threadWeights(plan.threads)) cumulative.push((sum += w));
  const langOf = Array.from({ length: plan.threads }, (_, i): Lang => (createRandom(plan.seed + i).next() < 0.7 ? 'id' : 'en'));
  const recent: string[][] = Array.from({ length: plan.threads }, () => []);
  // Where each recent published comment sits, so a reply to it takes its root and depth (decision 0021).
  const places = new Map<string, { rootId: string | null; depth: number; authorName: string }>();
  const moderationOf = createDatasetModeration(plan.site);
  const stepMs = (365 * 86_400_000) / plan.comments;
  for (let k = 0; k < plan.comments; k++) {
    const u = rng.next();
    let lo = 0;
    let hi = plan.threads - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 1) < u) lo = mid + 1;
      else hi = mid;
    }
    const thread = lo;
    const author = rng.int(plan.authors);
    const clean = commentText(rng, langOf[thread] ?? 'id', commentLength(rng));
    const roll = rng.next();
    const status: NewCommentStatus = roll < 0.965 ? 'published' : roll < 0.995 ? 'pending' : 'rejected';
    const text = status === 'rejected' ? `${clean} Dasar ${BANNED_WORD}!` : clean;
    const parents = recent[thread] ?? [];
    const parentId = parents.length > 0 && rng.next() < 0.3 ? rng.pick(parents) : null;
    const id = randomToken(rng, 16);
    const parent = parentId === null ? undefined : places.get(parentId);
    const name = authorName(author);
    if (status === 'published') {
      parents.push(id);
      places.set(id, { rootId: parent ? (parent.rootId ?? parentId) : null, depth: parent ? parent.depth + 1 : 0, authorName: name });
      if (parents.length > 50) places.delete(parents.shift() ?? '');
    }
    const comment = {
      id,
      site: plan.site,
      page: threadPage(thread),
      parentId,
      rootId: parent ? (parent.rootId ?? parentId) : null,
      depth: parent ? parent.depth + 1 : 0,
      replyTo: parent ? parent.authorName : null,
      authorId: `a${author.toString(36).padStart(4, '0')}${randomToken(createRandom(plan.seed ^ author), 8)}`,
      authorName: name,
      authorKind: 'anonymous' as const,
      avatarUrl: null,
      text,
      status,
      createdAt: Math.round(plan.startAt + k * stepMs),
      editedAt: null,
      likes: 0,
      replyCount: 0,
    };
    yield { comment: { ...comment, moderation: moderationOf(comment) }, key: randomToken(rng, 21) };
  }
}

/**
 * `comments import-disqus`: a Disqus export's posts as published comments of one site.
 * Each post's id is `disqus-<dsq:id>`, so a reply's parent maps without a table kept anywhere
 * and running the import again finds every comment already there. Spam is skipped; a deleted
 * post is skipped too, unless a kept reply hangs under it: then it is kept as a tombstone
 * (status deleted, no text), as a deletion in Rembuk leaves it, so the replies keep their place.
 * A reply whose parent was skipped hangs under the nearest kept ancestor.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { LIMITS, PAGE_ID_PATTERN } from '../../protocol/limits.ts';
import type { CommentTransfer } from '../store/types.ts';
import type { StoredComment } from '../store/types.ts';
import type { DisqusPageFrom } from './admin-args.ts';
import type { ImportSummary } from './comment-io.ts';
import { checkCommentRecord } from './comment-record.ts';
import { parseDisqusExport, type DisqusPost, type DisqusThread } from './disqus-export.ts';
import { disqusMessageToText } from './disqus-message.ts';
import { createProgress, progressBar, type ProgressLine } from './progress.ts';

export interface DisqusImportOptions {
  site: string;
  pageFrom: DisqusPageFrom;
}

export interface DisqusImportDeps {
  store: CommentTransfer;
  progress: ProgressLine | null;
}

/** A thread's page id, or why it has none. */
export function pageIdOf(thread: DisqusThread, from: DisqusPageFrom): { ok: true; page: string } | { ok: false; why: string } {
  if (from === 'identifier') {
    return PAGE_ID_PATTERN.test(thread.identifier)
      ? { ok: true, page: thread.identifier }
      : { ok: false, why: `its thread's identifier "${thread.identifier}" is not a page id (1 to 200 URL characters)` };
  }
  let url: URL;
  try {
    url = new URL(thread.link);
  } catch {
    return { ok: false, why: `its thread's link "${thread.link}" is not a URL` };
  }
  const page = from === 'url' ? `${url.origin}${url.pathname}` : url.pathname;
  return PAGE_ID_PATTERN.test(page)
    ? { ok: true, page }
    : { ok: false, why: `its thread's link gives "${page}", not a page id (1 to 200 URL characters)` };
}

/** The comment id a Disqus post becomes. */
export const disqusCommentId = (dsqId: string) => `disqus-${dsqId}`;

/** A Disqus author as a Rembuk author id: their username, or for a guest their name (hashed: names have spaces). */
function authorIdOf(post: DisqusPost): string {
  if (post.authorUsername !== '' && !post.isAnonymous) return `disqus-${post.authorUsername}`.slice(0, 128).replace(/\s/g, '_');
  return `disqus-guest-${createHash('sha256').update(post.authorName).digest('hex').slice(0, 16)}`;
}

export async function importDisqusFile(path: string, options: DisqusImportOptions, deps: DisqusImportDeps): Promise<ImportSummary> {
  const parsed = parseDisqusExport(await readFile(path, 'utf8'));
  if (!parsed.ok) return { imported: 0, alreadyThere: 0, skipped: [{ where: path, why: parsed.problem }] };
  const { comments, skipped } = planDisqusImport(parsed.threads, parsed.posts, options);
  const summary: ImportSummary = { imported: 0, alreadyThere: 0, skipped };
  const progress = createProgress(deps.progress, (n) => `Importing Disqus posts ${progressBar(n, comments.length)}  ${n}/${comments.length}`);
  try {
    for (const [i, comment] of comments.entries()) {
      if ((await deps.store.importComment(comment)) === 'imported') summary.imported += 1;
      else summary.alreadyThere += 1;
      progress.tick(i + 1);
    }
  } finally {
    progress.done();
  }
  return summary;
}

/** What the posts become, oldest first (parents before their replies), and what is skipped and why. Pure. */
export function planDisqusImport(
  threads: readonly DisqusThread[],
  posts: readonly DisqusPost[],
  options: DisqusImportOptions,
): { comments: StoredComment[]; skipped: ImportSummary['skipped'] } {
  const skipped: ImportSummary['skipped'] = [];
  const threadById = new Map(threads.map((t) => [t.dsqId, t]));
  const postById = new Map(posts.map((p) => [p.dsqId, p]));
  type Kept = { post: DisqusPost; page: string; at: number; text: string; order: number };
  const usable = new Map<string, Kept>();
  const skip = (post: DisqusPost, why: string) => skipped.push({ where: `post ${post.dsqId}`, why });
  posts.forEach((post, order) => {
    if (post.dsqId === '') return skipped.push({ where: `post #${order + 1}`, why: 'no dsq:id' });
    if (post.isSpam) return skip(post, 'marked spam in Disqus');
    const thread = threadById.get(post.threadDsqId);
    if (!thread) return skip(post, `its thread ${post.threadDsqId || '(none)'} is not in the export`);
    const page = pageIdOf(thread, options.pageFrom);
    if (!page.ok) return skip(post, page.why);
    const at = Date.parse(post.createdAt);
    if (!Number.isFinite(at) || at < 0) return skip(post, `its date "${post.createdAt}" is not a date`);
    const text = post.isDeleted ? '' : disqusMessageToText(post.message);
    if (!post.isDeleted && text === '') return skip(post, 'its message is empty');
    if (text.length > LIMITS.textMax) return skip(post, `its message is ${text.length} characters, over ${LIMITS.textMax}`);
    usable.set(post.dsqId, { post, page: page.page, at, text, order });
  });
  // The nearest ancestor a reply can hang under: kept, deleted-but-needed, in the same thread.
  const parentOf = (kept: Kept): Kept | null => {
    const seen = new Set<string>();
    let id = kept.post.parentDsqId;
    while (id !== null && !seen.has(id)) {
      seen.add(id);
      const candidate = usable.get(id);
      if (candidate && candidate.page === kept.page) return candidate;
      id = postById.get(id)?.parentDsqId ?? null;
    }
    return null;
  };
  const needed = new Set<string>();
  for (const kept of usable.values()) {
    if (kept.post.isDeleted) continue;
    for (let p = parentOf(kept); p !== null; p = parentOf(p)) needed.add(p.post.dsqId);
  }
  for (const kept of [...usable.values()]) {
    if (kept.post.isDeleted && !needed.has(kept.post.dsqId)) {
      usable.delete(kept.post.dsqId);
      skip(kept.post, 'deleted in Disqus (no reply under it is kept)');
    }
  }
  const nameOf = (post: DisqusPost) => (post.authorName || post.authorUsername || 'Anonymous').slice(0, LIMITS.nameMax);
  // Each kept post's root (its top-level ancestor among the kept) and depth, from its parent chain.
  const places = new Map<string, { root: Kept | null; depth: number }>();
  const placeOf = (kept: Kept): { root: Kept | null; depth: number } => {
    const known = places.get(kept.post.dsqId);
    if (known) return known;
    const chain: Kept[] = [];
    const onChain = new Set<string>();
    let top: Kept = kept;
    for (let p = parentOf(kept); p !== null && !onChain.has(p.post.dsqId); p = parentOf(p)) {
      chain.push(p);
      onChain.add(p.post.dsqId);
      top = p;
    }
    const place = chain.length === 0 ? { root: null, depth: 0 } : { root: top, depth: chain.length };
    places.set(kept.post.dsqId, place);
    return place;
  };
  // A top-level comment's published replies at every depth, as a thread counts them.
  const replyCounts = new Map<string, number>();
  for (const kept of usable.values()) {
    const { root } = placeOf(kept);
    if (root && !kept.post.isDeleted) replyCounts.set(root.post.dsqId, (replyCounts.get(root.post.dsqId) ?? 0) + 1);
  }
  const comments: StoredComment[] = [];
  for (const kept of [...usable.values()].sort((a, b) => a.at - b.at || a.order - b.order)) {
    const parent = parentOf(kept);
    const { root, depth } = placeOf(kept);
    const comment: StoredComment = {
      id: disqusCommentId(kept.post.dsqId),
      site: options.site,
      page: kept.page,
      parentId: parent === null ? null : disqusCommentId(parent.post.dsqId),
      rootId: root === null ? null : disqusCommentId(root.post.dsqId),
      depth,
      replyTo: parent === null ? null : nameOf(parent.post),
      authorId: authorIdOf(kept.post),
      authorName: nameOf(kept.post),
      // Disqus knew who they were, but not in a way this site signs: plain names, as anonymous ones are.
      authorKind: 'anonymous',
      avatarUrl: null,
      text: kept.text,
      status: kept.post.isDeleted ? 'deleted' : 'published',
      createdAt: kept.at,
      editedAt: null,
      likes: 0,
      replyCount: root === null ? (replyCounts.get(kept.post.dsqId) ?? 0) : 0,
      // Disqus's own moderation published it; no rule of ours has judged it.
      moderation: { action: 'publish', reasons: [] },
    };
    const checked = checkCommentRecord(comment);
    if (!checked.ok) skip(kept.post, checked.problem);
    else comments.push(comment);
  }
  return { comments, skipped };
}

/**
 * Moving a site's comments out of one store and into another (the admin command's
 * `comments export` / `comments import`), as part of CommentStore.
 */
/**
 * What importing one comment did: `imported` wrote it; `exists` found a comment with its id in
 * its thread already and wrote nothing, so importing a file twice changes nothing.
 */
export type ImportCommentResult = 'imported' | 'exists';

/**
 * Generic over the stored comment so this file needs nothing from types.ts (which builds
 * CommentStore from it: `CommentTransfer` there is this over StoredComment).
 */
export interface CommentTransferOf<StoredComment> {
  /**
   * Every comment of a site, every status, as stored (moderation, decision, revision, reports),
   * oldest first by creation (ties in the order the store wrote them). Read in pages, so a
   * large site never sits in memory whole; a comment written during the export may be missed.
   */
  exportComments(site: string): AsyncIterable<StoredComment>;
  /**
   * Writes a comment as it was: same id, status, createdAt and moderation record; its queue,
   * its author's counts and the day's creation figures as a create would have left them; a
   * published one takes its thread's next seq and logs its comment:created event (so a thread
   * imported in creation order pages in creation order). Idempotent by (site, page, id).
   * A comment exported before 0021 comes in with that decision's defaults (public-views.ts
   * withCommentDefaults); its likes come as a count, without who liked it.
   */
  importComment(comment: StoredComment): Promise<ImportCommentResult>;
}

/**
 * The idempotency key an imported comment is stored under: its author never sent one here, and
 * a key of its own keeps it apart from every key a reader's client generates.
 */
export function importIdempotencyKey(id: string): string {
  return `import:${id}`;
}

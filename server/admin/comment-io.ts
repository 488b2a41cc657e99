/**
 * `comments export` and `comments import`: a site's comments as JSON lines, one StoredComment a
 * line, oldest first, and back. The import checks every line before writing it and reports
 * what it skipped by line number, so a file that is partly wrong still imports what is right
 * and says exactly what to fix; importing a file twice imports nothing the second time.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { CommentTransfer } from '../store/types.ts';
import type { SiteDirectory } from '../store/site-types.ts';
import { checkCommentRecord, type ParentPlace } from './comment-record.ts';
import { createProgress, progressBar, type ProgressLine } from './progress.ts';

/** Where an export's lines go: a file, or standard output. */
export interface LineSink {
  /** Resolves when the sink can take more (backpressure). */
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

export interface CommentIoDeps {
  store: CommentTransfer & Pick<SiteDirectory, 'getSite'>;
  /** The command's report (standard output, or standard error while the export itself goes there). */
  print: (line: string) => void;
  /** Redraws one status line on a terminal; null when the output is not one. */
  progress: ProgressLine | null;
}

/** Writes the site's comments to `sink`; the report says how many. */
export async function exportCommentLines(site: string, sink: LineSink, deps: CommentIoDeps): Promise<number> {
  const progress = createProgress(deps.progress, (n) => `Exported ${n.toLocaleString('en')} comments…`);
  let count = 0;
  try {
    for await (const comment of deps.store.exportComments(site)) {
      await sink.write(`${JSON.stringify(comment)}\n`);
      count += 1;
      progress.tick(count);
    }
  } finally {
    progress.done();
    await sink.close();
  }
  return count;
}

export interface ImportSummary {
  imported: number;
  /** Comments whose id the site's thread already had: written before, left as they are. */
  alreadyThere: number;
  /** `where` names the record: `line 12`, `post 7890` (a Disqus dsq:id). */
  skipped: { where: string; why: string }[];
}

/** Reads a JSON-lines file and imports each valid line of this site; blank lines are not records. */
export async function importCommentLines(site: string, path: string, deps: CommentIoDeps): Promise<ImportSummary> {
  const size = (await stat(path)).size;
  const summary: ImportSummary = { imported: 0, alreadyThere: 0, skipped: [] };
  let bytes = 0;
  const progress = createProgress(deps.progress, (n) => `Importing ${progressBar(bytes, size)}  line ${n.toLocaleString('en')}`);
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  // Each comment's place, by page and id: a reply in an export older than 0021 takes its root and depth from its parent's.
  const places = new Map<string, ParentPlace>();
  try {
    for await (const line of lines) {
      number += 1;
      bytes += Buffer.byteLength(line) + 1;
      progress.tick(number);
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        summary.skipped.push({ where: `line ${number}`, why: `bad JSON (${err instanceof Error ? err.message : String(err)})` });
        continue;
      }
      const page = typeof value === 'object' && value !== null && 'page' in value ? String(value.page) : '';
      const checked = checkCommentRecord(value, (parentId) => places.get(`${page}\n${parentId}`));
      if (!checked.ok) {
        summary.skipped.push({ where: `line ${number}`, why: checked.problem });
        continue;
      }
      if (checked.comment.site !== site) {
        summary.skipped.push({ where: `line ${number}`, why: `wrong site (a comment of site "${checked.comment.site}", not "${site}")` });
        continue;
      }
      const { id, rootId, depth, authorName } = checked.comment;
      places.set(`${checked.comment.page}\n${id}`, { id, rootId, depth, authorName });
      if ((await deps.store.importComment(checked.comment)) === 'imported') summary.imported += 1;
      else summary.alreadyThere += 1;
    }
  } finally {
    progress.done();
    lines.close();
  }
  return summary;
}

/** The summary as the command prints it: counts first, then each skipped line and why. */
export function summaryLines(summary: ImportSummary, what = 'comments'): string[] {
  const out = [`Imported ${summary.imported} ${what}; ${summary.alreadyThere} already there (left as they were); ${summary.skipped.length} skipped.`];
  for (const skip of summary.skipped) out.push(`  ${skip.where}: ${skip.why}`);
  return out;
}

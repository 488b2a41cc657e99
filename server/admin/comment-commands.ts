/**
 * The `comments …` admin commands. Like the site commands, given the store and ways to print
 * and to open the export's output, so each is tested against both real stores.
 */
import type { CommentTransfer } from '../store/types.ts';
import type { SiteDirectory } from '../store/site-types.ts';
import type { AdminCommand } from './admin-args.ts';
import { exportCommentLines, importCommentLines, summaryLines, type LineSink } from './comment-io.ts';
import { importDisqusFile } from './disqus-import.ts';
import type { ProgressLine } from './progress.ts';

export interface CommentCommandDeps {
  store: CommentTransfer & Pick<SiteDirectory, 'getSite'>;
  /** Standard output. */
  print: (line: string) => void;
  /** Standard error: the export's report while its lines go to standard output. */
  warn: (line: string) => void;
  progress: ProgressLine | null;
  /** The export's output: the file named, or standard output for null. */
  openSink: (path: string | null) => Promise<LineSink>;
}

type CommentsCommand = Extract<AdminCommand, { kind: `comments-${string}` }>;

/** Runs one comments command; the exit code: 0 done, 1 when a line was skipped (the summary says which). */
export async function runCommentsCommand(command: CommentsCommand, deps: CommentCommandDeps): Promise<number> {
  const io = { store: deps.store, progress: deps.progress };
  switch (command.kind) {
    case 'comments-export': {
      const sink = await deps.openSink(command.out);
      const report = command.out === null ? deps.warn : deps.print;
      const count = await exportCommentLines(command.site, sink, { ...io, print: report });
      report(`Exported ${count} ${count === 1 ? 'comment' : 'comments'} of site ${command.site}${command.out === null ? '' : ` to ${command.out}`}.`);
      return 0;
    }
    case 'comments-import': {
      await noteUnknownSite(command.site, deps);
      const summary = await importCommentLines(command.site, command.file, { ...io, print: deps.print });
      for (const line of summaryLines(summary)) deps.print(line);
      return summary.skipped.length > 0 ? 1 : 0;
    }
    case 'comments-import-disqus': {
      await noteUnknownSite(command.site, deps);
      const summary = await importDisqusFile(command.file, { site: command.site, pageFrom: command.pageFrom }, io);
      for (const line of summaryLines(summary, 'Disqus posts')) deps.print(line);
      return 0;
    }
  }
}

/** Comments of a site the store does not serve are kept, but no page shows them until it is added. */
async function noteUnknownSite(site: string, deps: CommentCommandDeps): Promise<void> {
  if (await deps.store.getSite(site)) return;
  deps.warn(`Note: no site has the id ${site} yet; its comments are imported, and shown once it is added ("site add --id ${site}").`);
}

/**
 * Messages between the embedded store (main thread) and its writer thread. Both ends are
 * ours and structured-clone the values, so these types are the whole contract.
 */
import type { AuditEntry } from '../../../protocol/moderation.ts';
import type {
  CommentEdit,
  CreateCommentResult,
  DeleteResult,
  EditResult,
  ReactResult,
  DecideOptions,
  Decision,
  DecideResult,
  ModeratorAccount,
  ModeratorSession,
  ModeratorUpdate,
  NewComment,
  ReportResult,
  SignInLink,
  SitePolicyRecord,
  SiteRecord,
  SiteUpdate,
  StoredComment,
  StoredReport,
} from '../types.ts';

export interface WriterInit {
  /** The SQLite database file. */
  path: string;
  /** `FULL` fsyncs the WAL on every commit (survives power loss); `NORMAL` survives a process crash. */
  synchronous: 'FULL' | 'NORMAL';
  /** A legacy journal.jsonl to import once, if it exists; null to skip the import (an admin command beside a running server). */
  journalPath: string | null;
}

export type WriteRequest =
  | { id: number; op: 'create'; comment: NewComment; key: string }
  | { id: number; op: 'import'; comment: StoredComment }
  | { id: number; op: 'ban'; site: string; authorId: string; until: number | null }
  | { id: number; op: 'decide'; site: string; page: string; commentId: string; decision: Decision; options: DecideOptions }
  | { id: number; op: 'report'; site: string; page: string; commentId: string; report: StoredReport; hideAt: number }
  | { id: number; op: 'react'; site: string; page: string; commentId: string; authorId: string; like: boolean }
  | { id: number; op: 'edit'; site: string; page: string; commentId: string; edit: CommentEdit }
  | { id: number; op: 'delete'; site: string; page: string; commentId: string; authorId: string }
  | { id: number; op: 'trust'; site: string; authorId: string; trusted: boolean }
  | { id: number; op: 'audit:append'; entry: AuditEntry }
  | { id: number; op: 'policy:set'; site: string; record: SitePolicyRecord }
  | { id: number; op: 'link:create'; link: SignInLink }
  | { id: number; op: 'link:consume'; linkId: string; now: number }
  | { id: number; op: 'probe'; at: number }
  | { id: number; op: 'moderator:create'; account: ModeratorAccount }
  | { id: number; op: 'moderator:update'; moderatorId: string; update: ModeratorUpdate }
  | { id: number; op: 'moderator:remove'; moderatorId: string }
  | { id: number; op: 'session:create'; session: ModeratorSession }
  | { id: number; op: 'session:revoke'; sessionId: string }
  | { id: number; op: 'session:revoke-of'; moderatorId: string }
  | { id: number; op: 'site:create'; site: SiteRecord }
  | { id: number; op: 'site:update'; siteId: string; update: SiteUpdate }
  | { id: number; op: 'site:remove'; siteId: string };

/**
 * A create's, a decision's, a report's, a reaction's, an edit's or a deletion's result; a boolean for moderator:… and site:create/update/remove; a
 * count for session:revoke-of; the moderator id (or null) for link:consume; 'imported' or 'exists' for import.
 */
export type WriteValue =
  CreateCommentResult | DecideResult | ReportResult | ReactResult | EditResult | DeleteResult | boolean | number | string | null;

export interface WriteFailure {
  /** SQLite's extended result code (SQLITE_FULL, SQLITE_IOERR_WRITE, …) or the error's name. */
  code: string;
  message: string;
}

export type WriteReply = { id: number; ok: true; value: WriteValue } | { id: number; ok: false; error: WriteFailure };

export interface JournalImportReport {
  records: number;
  skippedLines: number;
  tornTail: boolean;
  /** Where the journal was moved after the import. */
  renamedTo: string;
}

export type WriterEvent =
  | { type: 'ready'; imported: JournalImportReport | null }
  | { type: 'failed'; error: WriteFailure }
  | { type: 'reply'; reply: WriteReply }
  | { type: 'closed' };

export type WriterCommand = { type: 'write'; request: WriteRequest } | { type: 'close' };

/**
 * Messages between the embedded store (main thread) and its writer thread. Both ends are
 * ours and structured-clone the values, so these types are the whole contract.
 */
import type { CreateCommentResult, Decision, DecideResult, ModeratorAccount, ModeratorSession, ModeratorUpdate, NewComment } from '../types.ts';

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
  | { id: number; op: 'ban'; site: string; authorId: string; until: number | null }
  | { id: number; op: 'decide'; site: string; page: string; commentId: string; decision: Decision }
  | { id: number; op: 'probe'; at: number }
  | { id: number; op: 'moderator:create'; account: ModeratorAccount }
  | { id: number; op: 'moderator:update'; moderatorId: string; update: ModeratorUpdate }
  | { id: number; op: 'moderator:remove'; moderatorId: string }
  | { id: number; op: 'session:create'; session: ModeratorSession }
  | { id: number; op: 'session:revoke'; sessionId: string }
  | { id: number; op: 'session:revoke-of'; moderatorId: string };

/** A create's or a decision's result; a boolean for moderator:create/update/remove; a count for session:revoke-of. */
export type WriteValue = CreateCommentResult | DecideResult | boolean | number | null;

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

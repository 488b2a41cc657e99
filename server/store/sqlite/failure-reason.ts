/**
 * Turns a SQLite failure into words an operator can act on, for /healthz and the logs. The
 * reader is only ever told that comments are unavailable for a moment.
 */
import type { WriteFailure } from './writer-protocol.ts';

const REASONS: [prefix: string, reason: string][] = [
  ['SQLITE_FULL', 'the disk holding DATA_DIR is full'],
  ['SQLITE_READONLY', 'the database file or DATA_DIR is read-only'],
  ['SQLITE_IOERR', 'the disk reported an I/O error'],
  ['SQLITE_CANTOPEN', 'the database file cannot be opened'],
  ['SQLITE_CORRUPT', 'the database file is corrupt (restore a backup)'],
  ['SQLITE_NOTADB', 'DATA_DIR holds a file that is not a Rembuk database'],
  ['SQLITE_BUSY', 'the database is locked by another process'],
  ['SQLITE_PERM', 'the server has no permission to write the database file'],
];

export function failureReason(failure: WriteFailure): string {
  const known = REASONS.find(([prefix]) => failure.code.startsWith(prefix));
  const what = known ? known[1] : 'the embedded database failed';
  return `${what} (${failure.code}: ${failure.message})`;
}

/** Reduces anything thrown to a cloneable failure, keeping SQLite's code when there is one. */
export function toWriteFailure(err: unknown): WriteFailure {
  if (err instanceof Error) {
    const code = 'code' in err && typeof err.code === 'string' ? err.code : err.name;
    return { code, message: err.message };
  }
  return { code: 'UNKNOWN', message: String(err) };
}

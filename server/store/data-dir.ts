/**
 * DATA_DIR holds held and rejected comments and the token secret: only the server's own user
 * may read it (0700, files 0600). One server per DATA_DIR: a second one would serve its own
 * sockets only, so readers on the two would not see each other's comments live. The lock is
 * an exclusive SQLite lock on a file of its own, so the operating system drops it when the
 * process dies, however it dies; a pid file beside it only names the holder in the refusal.
 */
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export class DataDirInUseError extends Error {
  readonly code = 'DATA_DIR_IN_USE';
  constructor(message: string) {
    super(message);
    this.name = 'DataDirInUseError';
  }
}

export interface DataDirLock {
  release(): void;
}

/** Creates DATA_DIR private to this user, or makes an existing one private. */
export function preparePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

/** Makes every file directly in `dir` readable by its owner only (SQLite creates -wal/-shm itself). */
export function makeFilesPrivate(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isFile() && (stat.mode & 0o077) !== 0) chmodSync(path, 0o600);
  }
}

/** Creates an empty file with mode 0600 if it is missing, so SQLite opens ours, not a 0644 one. */
export function touchPrivate(path: string): void {
  if (existsSync(path)) return;
  closeSync(openSync(path, 'a', 0o600));
}

export function lockDataDir(dir: string, now: () => number = Date.now): DataDirLock {
  const lockPath = join(dir, 'lock.db');
  const holderPath = join(dir, 'lock.pid');
  touchPrivate(lockPath);
  const db = new Database(lockPath, { timeout: 0 });
  try {
    // The file holds nothing worth a journal on disk; so the lock leaves only this one file.
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock, and EXCLUSIVE locking mode keeps it until close.
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder;');
  } catch (err) {
    db.close();
    if (err instanceof Error && 'code' in err && String(err.code).startsWith('SQLITE_BUSY')) {
      throw new DataDirInUseError(
        `DATA_DIR ${resolve(dir)} is in use by another Rembuk server (${describeHolder(holderPath)}). ` +
          'Stop that server first, or give this one its own DATA_DIR (several servers share comments through REDIS_URL).',
      );
    }
    throw err;
  }
  writeHolder(holderPath, { pid: process.pid, host: hostname(), startedAt: new Date(now()).toISOString() });
  return {
    release() {
      db.close();
    },
  };
}

function describeHolder(holderPath: string): string {
  try {
    const holder = JSON.parse(readFileSync(holderPath, 'utf8')) as { pid?: number; host?: string; startedAt?: string };
    return `process ${holder.pid ?? '?'} on ${holder.host ?? '?'}, started ${holder.startedAt ?? 'at an unknown time'}`;
  } catch {
    return 'a process that did not say which';
  }
}

function writeHolder(path: string, holder: Record<string, unknown>): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

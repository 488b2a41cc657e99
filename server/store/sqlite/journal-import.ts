/**
 * Installs from before the SQLite store kept their comments in DATA_DIR/journal.jsonl. The
 * journal is imported once, in one transaction (all of it or nothing), marked as done in the
 * same transaction, and then renamed, so a crash at any point leaves either the old journal
 * to import again or a database that already holds it.
 */
import { createReadStream, existsSync, renameSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Database } from 'better-sqlite3';
import type { StoredComment } from '../types.ts';
import type { WriteOps } from './write-ops.ts';
import type { JournalImportReport } from './writer-protocol.ts';

const DONE_KEY = 'journal-imported';

type LegacyRecord =
  | { v: 1; op: 'comment.create'; comment: StoredComment; seq: number | null; key: string }
  | { v: 1; op: 'author.ban'; site: string; authorId: string; until: number | null };

export async function importJournal(db: Database, ops: WriteOps, journalPath: string): Promise<JournalImportReport | null> {
  if (!existsSync(journalPath)) return null;
  const done = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(DONE_KEY);
  let report: Omit<JournalImportReport, 'renamedTo'>;
  if (done) {
    // Imported before a crash stopped the rename: only the rename is left to do.
    report = JSON.parse(done.value) as Omit<JournalImportReport, 'renamedTo'>;
  } else {
    report = await replayInto(db, ops, journalPath);
  }
  const renamedTo = `${journalPath}.imported`;
  renameSync(journalPath, existsSync(renamedTo) ? `${renamedTo}.${Date.now()}` : renamedTo);
  return { ...report, renamedTo };
}

async function replayInto(db: Database, ops: WriteOps, journalPath: string): Promise<Omit<JournalImportReport, 'renamedTo'>> {
  let records = 0;
  let skippedLines = 0;
  let tornTail = false;
  // A line is complete only when a newline follows it; the last one may be a torn write.
  let previous: string | null = null;
  const endsWithNewline = await lastByteIsNewline(journalPath);
  const lines = createInterface({ input: createReadStream(journalPath, { encoding: 'utf8' }), crlfDelay: Infinity });
  db.exec('BEGIN IMMEDIATE');
  try {
    for await (const line of lines) {
      if (previous !== null) apply(previous);
      previous = line;
    }
    if (previous !== null) {
      if (endsWithNewline) apply(previous);
      else tornTail = true;
    }
    const summary = { records, skippedLines, tornTail };
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(DONE_KEY, JSON.stringify(summary));
    db.exec('COMMIT');
    return summary;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }

  function apply(line: string): void {
    if (line.trim() === '') return;
    let record: LegacyRecord;
    try {
      record = JSON.parse(line) as LegacyRecord;
    } catch {
      skippedLines += 1;
      return;
    }
    if (record.op === 'comment.create' && typeof record.comment?.id === 'string') {
      ops.importComment(record.comment, record.key, record.seq);
      records += 1;
    } else if (record.op === 'author.ban' && typeof record.authorId === 'string') {
      ops.setAuthorBan(record.site, record.authorId, record.until);
      records += 1;
    } else {
      skippedLines += 1;
    }
  }
}

async function lastByteIsNewline(path: string): Promise<boolean> {
  const { open } = await import('node:fs/promises');
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const buf = Buffer.alloc(1);
    await handle.read(buf, 0, 1, size - 1);
    return buf[0] === 0x0a;
  } finally {
    await handle.close();
  }
}

/**
 * The writer thread: it alone holds the write connection, so fsync never stalls the sockets
 * on the main thread. Requests that arrive while a commit is running wait in the port and are
 * committed together next (group commit): one transaction, one WAL fsync, each request in its
 * own savepoint so a failing one is rolled back alone. A request is answered only after the
 * commit that holds it returned; if the commit fails, every request in it fails.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { toWriteFailure } from './failure-reason.ts';
import { importJournal } from './journal-import.ts';
import { migrate } from './schema.ts';
import { createWriteOps, type WriteOps } from './write-ops.ts';
import type { WriteReply, WriteRequest, WriterCommand, WriterEvent, WriterInit } from './writer-protocol.ts';

const port = parentPort;
if (!port) throw new Error('sqlite-writer.ts runs only as a worker thread');
const init = workerData as WriterInit;
const send = (event: WriterEvent) => port.postMessage(event);

let queue: WriteRequest[] = [];
let scheduled = false;
let closing = false;

try {
  const db = new Database(init.path, { timeout: 5_000 });
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${init.synchronous}`);
  migrate(db);
  const ops = createWriteOps(db);
  const imported = init.journalPath === null ? null : await importJournal(db, ops, init.journalPath);
  port.on('message', (command: WriterCommand) => {
    if (command.type === 'close') {
      closing = true;
      if (!scheduled) finish(db);
      return;
    }
    queue.push(command.request);
    if (!scheduled) {
      scheduled = true;
      setImmediate(() => drain(db, ops));
    }
  });
  send({ type: 'ready', imported });
} catch (err) {
  send({ type: 'failed', error: toWriteFailure(err) });
}

function drain(db: Database.Database, ops: WriteOps): void {
  scheduled = false;
  const batch = queue;
  queue = [];
  for (const reply of commitBatch(db, ops, batch)) send({ type: 'reply', reply });
  if (closing) finish(db);
}

function commitBatch(db: Database.Database, ops: WriteOps, batch: WriteRequest[]): WriteReply[] {
  const replies: WriteReply[] = [];
  try {
    db.exec('BEGIN IMMEDIATE');
    for (const request of batch) {
      db.exec('SAVEPOINT one_write');
      try {
        replies.push({ id: request.id, ok: true, value: run(ops, request) });
        db.exec('RELEASE one_write');
      } catch (err) {
        replies.push({ id: request.id, ok: false, error: toWriteFailure(err) });
        db.exec('ROLLBACK TO one_write');
        db.exec('RELEASE one_write');
      }
    }
    db.exec('COMMIT');
    return replies;
  } catch (err) {
    // Nothing of this batch is on disk (SQLite may already have rolled it back itself).
    if (db.inTransaction) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // The connection rolls back on its own when it can; the next BEGIN will tell.
      }
    }
    const error = toWriteFailure(err);
    return batch.map((request) => ({ id: request.id, ok: false, error }));
  }
}

function run(ops: WriteOps, request: WriteRequest) {
  switch (request.op) {
    case 'create':
      return ops.createComment(request.comment, request.key);
    case 'import':
      return ops.importExported(request.comment);
    case 'decide':
      return ops.decideComment(request.site, request.page, request.commentId, request.decision, request.options);
    case 'report':
      return ops.reportComment(request.site, request.page, request.commentId, request.report, request.hideAt);
    case 'react':
      return ops.reactToComment(request.site, request.page, request.commentId, request.authorId, request.like);
    case 'edit':
      return ops.editComment(request.site, request.page, request.commentId, request.edit);
    case 'delete':
      return ops.deleteComment(request.site, request.page, request.commentId, request.authorId);
    case 'trust':
      ops.setAuthorTrusted(request.site, request.authorId, request.trusted);
      return null;
    case 'audit:append':
      ops.appendAudit(request.entry);
      return null;
    case 'policy:set':
      ops.setSitePolicy(request.site, request.record);
      return null;
    case 'link:create':
      ops.createSignInLink(request.link);
      return null;
    case 'link:consume':
      return ops.consumeSignInLink(request.linkId, request.now);
    case 'ban':
      ops.setAuthorBan(request.site, request.authorId, request.until);
      return null;
    case 'probe':
      ops.probe(request.at);
      return null;
    case 'moderator:create':
      return ops.createModerator(request.account);
    case 'moderator:update':
      return ops.updateModerator(request.moderatorId, request.update);
    case 'moderator:remove':
      return ops.removeModerator(request.moderatorId);
    case 'session:create':
      ops.createSession(request.session);
      return null;
    case 'session:revoke':
      ops.revokeSession(request.sessionId);
      return null;
    case 'session:revoke-of':
      return ops.revokeSessionsOf(request.moderatorId);
    case 'site:create':
      return ops.createSite(request.site);
    case 'site:update':
      return ops.updateSite(request.siteId, request.update);
    case 'site:remove':
      return ops.removeSite(request.siteId);
  }
}

function finish(db: Database.Database): void {
  try {
    db.close();
  } finally {
    send({ type: 'closed' });
    port?.close();
  }
}

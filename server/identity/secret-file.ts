/**
 * The secret that signs readers' author tokens: SECRET when set, else one generated once
 * into DATA_DIR/secret so tokens survive restarts. The file is written so that a crash or a
 * full disk leaves either no file or a whole one (temp file, fsync, link into place, fsync
 * the directory), readable by the server's user only. A file that is there but unusable
 * (empty, short) stops start-up: silently generating a new one would change every reader's
 * identity, so that is the operator's call.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** HMAC-SHA256 wants a key of at least its output size; shorter keys are guessable sooner. */
export const MIN_SECRET_BYTES = 32;
/** What a generated secret holds: more than the minimum costs nothing. */
const GENERATED_SECRET_BYTES = 48;

export const SecretFileErrorCode = {
  EMPTY: 'SECRET_FILE_EMPTY',
  TOO_SHORT: 'SECRET_FILE_TOO_SHORT',
  UNREADABLE: 'SECRET_FILE_UNREADABLE',
  UNWRITABLE: 'SECRET_FILE_UNWRITABLE',
} as const;
export type SecretFileErrorCode = (typeof SecretFileErrorCode)[keyof typeof SecretFileErrorCode];

export type SecretSource = 'env' | 'file' | 'generated';

export type SecretResult =
  | { ok: true; secret: Uint8Array; source: SecretSource; file: string | null }
  | { ok: false; code: SecretFileErrorCode; message: string; cause?: unknown };

export interface LoadSecretOptions {
  /** The SECRET setting, already checked to be ≥ 32 characters by the config schema. */
  secret?: string | undefined;
  dataDir: string;
}

/** The name of the secret file in a data directory. */
export function secretFilePath(dataDir: string): string {
  return join(dataDir, 'secret');
}

function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : undefined;
}

/** What to do about an unusable file, said once for every case. */
function remedy(file: string): string {
  return (
    `Either delete ${file} and start again to generate a new secret (every reader's existing author token then ` +
    `stops being valid, so readers become new authors and lose their claim to earlier comments), or put at least ` +
    `${MIN_SECRET_BYTES} random bytes in it (e.g. \`head -c 48 /dev/urandom > ${file}\`), or set SECRET ` +
    `(at least ${MIN_SECRET_BYTES} characters).`
  );
}

/** Checks a secret read from the file; pure, so each case is a plain table test. */
export function checkSecretFile(file: string, content: Uint8Array): SecretResult {
  if (content.length === 0) {
    return {
      ok: false,
      code: SecretFileErrorCode.EMPTY,
      message: `The secret file ${file} is empty (a disk that was full when it was written leaves one). ${remedy(file)}`,
    };
  }
  if (content.length < MIN_SECRET_BYTES) {
    return {
      ok: false,
      code: SecretFileErrorCode.TOO_SHORT,
      message: `The secret file ${file} holds ${content.length} bytes; a secret needs at least ${MIN_SECRET_BYTES}. ${remedy(file)}`,
    };
  }
  return { ok: true, secret: content, source: 'file', file };
}

/** Makes `dir`'s entries durable: after a rename or link, the directory itself must be synced. */
function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `content` to `file` whole or not at all, mode 0600, without replacing a file that
 * appeared meanwhile (another process starting on the same DATA_DIR): link() fails on an
 * existing name where rename() would silently swap the secret under the first process.
 * Returns false when `file` already existed.
 */
function publishNewFile(dir: string, file: string, content: Uint8Array): boolean {
  const temp = join(dir, `.secret.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    let written = 0;
    while (written < content.length) written += writeSync(fd, content, written, content.length - written);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    unlinkSync(temp);
    throw err;
  }
  closeSync(fd);
  try {
    linkSync(temp, file);
    unlinkSync(temp);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EEXIST') {
      unlinkSync(temp);
      return false;
    }
    // Filesystems without hard links: rename is still atomic, only not exclusive.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') renameSync(temp, file);
    else {
      unlinkSync(temp);
      throw err;
    }
  }
  fsyncDirectory(dir);
  return true;
}

function readSecretFile(file: string): SecretResult | null {
  try {
    return checkSecretFile(file, readFileSync(file));
  } catch (err) {
    // Not there (ENOTDIR: DATA_DIR's path runs through a file; creating it will say so).
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    return {
      ok: false,
      code: SecretFileErrorCode.UNREADABLE,
      message: `The secret file ${file} cannot be read (${code ?? String(err)}). ${remedy(file)}`,
      cause: err,
    };
  }
}

/** SECRET if set; else the secret in DATA_DIR, generated there on first start. */
export function loadSecret(options: LoadSecretOptions): SecretResult {
  if (options.secret !== undefined) return { ok: true, secret: Buffer.from(options.secret, 'utf8'), source: 'env', file: null };
  const file = secretFilePath(options.dataDir);
  const existing = readSecretFile(file);
  if (existing) return existing;
  const secret = randomBytes(GENERATED_SECRET_BYTES);
  try {
    // 0700: the data directory holds held and rejected comments as well as this secret.
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    if (!publishNewFile(options.dataDir, file, secret)) return readSecretFile(file) ?? loadSecret(options);
  } catch (err) {
    return {
      ok: false,
      code: SecretFileErrorCode.UNWRITABLE,
      message: `Cannot write a new secret to ${file} (${errnoCode(err) ?? String(err)}): free space or fix the permissions of ${options.dataDir}, or set SECRET (at least ${MIN_SECRET_BYTES} characters).`,
      cause: err,
    };
  }
  return { ok: true, secret, source: 'generated', file };
}

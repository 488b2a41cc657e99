import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSecretFile, loadSecret, MIN_SECRET_BYTES, SecretFileErrorCode, secretFilePath } from './secret-file.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rembuk-secret-unit-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('checking a secret file', () => {
  it.each([
    ['an empty file', 0, SecretFileErrorCode.EMPTY, /is empty/],
    ['one byte', 1, SecretFileErrorCode.TOO_SHORT, /holds 1 bytes; a secret needs at least 32/],
    ['31 bytes', 31, SecretFileErrorCode.TOO_SHORT, /holds 31 bytes/],
  ] as const)('refuses %s and says what to do', (_name, size, code, pattern) => {
    const result = checkSecretFile('/data/secret', Buffer.alloc(size, 1));
    expect(result).toMatchObject({ ok: false, code });
    if (result.ok) return;
    expect(result.message).toMatch(pattern);
    expect(result.message).toContain('delete /data/secret');
    expect(result.message).toMatch(/author token then stops being valid/);
    expect(result.message).toContain(`at least ${MIN_SECRET_BYTES} random bytes`);
    expect(result.message).toContain('set SECRET');
  });

  it.each([32, 48, 4096])('accepts %i bytes as they are', (size) => {
    const content = Buffer.alloc(size, 9);
    expect(checkSecretFile('/data/secret', content)).toEqual({ ok: true, secret: content, source: 'file', file: '/data/secret' });
  });
});

describe('loading the secret', () => {
  it('uses SECRET when set and touches no file', () => {
    const dataDir = join(tempDir(), 'never-made');
    const result = loadSecret({ secret: 'x'.repeat(40), dataDir });
    expect(result).toEqual({ ok: true, secret: Buffer.from('x'.repeat(40)), source: 'env', file: null });
    expect(() => statSync(dataDir)).toThrow();
  });

  it('generates 48 random bytes into a new DATA_DIR (0700) as a file only its owner reads (0600), with no temp file left', () => {
    const dataDir = join(tempDir(), 'data');
    const result = loadSecret({ dataDir });
    expect(result.ok && result.source).toBe('generated');
    if (!result.ok) return;
    expect(result.secret).toHaveLength(48);
    expect(readFileSync(secretFilePath(dataDir))).toEqual(Buffer.from(result.secret));
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(secretFilePath(dataDir)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir)).toEqual(['secret']);
  });

  it('reads the same secret back on the next start', () => {
    const dataDir = tempDir();
    const first = loadSecret({ dataDir });
    const second = loadSecret({ dataDir });
    expect(second).toMatchObject({ ok: true, source: 'file' });
    expect(first.ok && second.ok && Buffer.from(second.secret).equals(Buffer.from(first.secret))).toBe(true);
  });

  it('ignores a temp file a crash left behind and never reads it as the secret', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, '.secret.4242.abcdef.tmp'), 'torn');
    const result = loadSecret({ dataDir });
    expect(result).toMatchObject({ ok: true, source: 'generated' });
  });

  it('refuses an empty secret file instead of replacing it', () => {
    const dataDir = tempDir();
    writeFileSync(secretFilePath(dataDir), '');
    expect(loadSecret({ dataDir })).toMatchObject({ ok: false, code: SecretFileErrorCode.EMPTY });
    expect(readFileSync(secretFilePath(dataDir))).toHaveLength(0);
  });

  it('says so when the secret file cannot be read', () => {
    const dataDir = tempDir();
    mkdirSync(secretFilePath(dataDir));
    const result = loadSecret({ dataDir });
    expect(result).toMatchObject({ ok: false, code: SecretFileErrorCode.UNREADABLE });
    expect(!result.ok && result.message).toMatch(/cannot be read \(EISDIR\)/);
  });

  it('says so when no secret can be written', () => {
    const parent = tempDir();
    // A file where the data directory's parent should be: creating it fails, for root too.
    writeFileSync(join(parent, 'data'), '');
    const result = loadSecret({ dataDir: join(parent, 'data', 'inner') });
    expect(result).toMatchObject({ ok: false, code: SecretFileErrorCode.UNWRITABLE });
    expect(!result.ok && result.message).toMatch(/Cannot write a new secret to .*\(ENOTDIR\).*set SECRET/);
  });
});

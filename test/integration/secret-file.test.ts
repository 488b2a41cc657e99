/**
 * The generated secret in DATA_DIR, as the real server (child process) uses it: an empty or
 * short file stops start-up with a message that says what to do, instead of signing every
 * reader's token with a useless key.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startChildServer } from '../support/child-server.ts';

describe('the server with a secret file in DATA_DIR', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const dataDirWithSecret = (content: Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), 'rembuk-secret-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'secret'), content, { mode: 0o600 });
    return dir;
  };

  it('refuses to start on an empty secret file, saying to delete it (tokens change) or fill it', async () => {
    const dataDir = dataDirWithSecret(Buffer.alloc(0));
    const started = startChildServer({ dataDir });
    await expect(started).rejects.toThrow(/secret.*is empty/i);
    await expect(started).rejects.toThrow(/delete \S+secret and start again/i);
    await expect(started).rejects.toThrow(/author token then stops being valid/i);
    await expect(started).rejects.toThrow(/32/);
  });

  it('refuses to start on a secret file shorter than 32 bytes', async () => {
    const dataDir = dataDirWithSecret(Buffer.from('only-16-bytes-xx'));
    await expect(startChildServer({ dataDir })).rejects.toThrow(/16 bytes.*at least 32/i);
  });

  it('starts with a secret file of 32 bytes or more', async () => {
    const dataDir = dataDirWithSecret(Buffer.alloc(32, 7));
    const server = await startChildServer({ dataDir });
    await server.stop();
  });
});

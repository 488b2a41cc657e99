/**
 * A temporary folder for one test run, and the check that the run left nothing in it.
 *
 * The global setup points TMPDIR here before any test worker, child server, redis-server or
 * Chromium starts; all of them inherit it (`os.tmpdir()`, `mkdtemp`, Chromium's profile), so
 * everything a test puts in "the temp folder" lands in this one. A folder of its own, rather than
 * a before/after listing of the machine's /tmp: other runs and programs write to /tmp at the same
 * time, and a diff would blame this run for their folders (or miss ours among theirs). At the end
 * the folder must be empty; whatever is left is listed, removed, and fails the run.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Left by tools, not by tests: tsx keeps its transform cache in `tsx-<uid>` under the temp folder
 * (child servers run with `--import tsx`). It is a cache the next run may reuse, not a leak.
 */
const TOOL_CACHES: readonly RegExp[] = [/^tsx-\d+$/];

export interface RunTempDir {
  path: string;
  /** Names left in the folder, except tool caches, each with what it holds. */
  leftovers(): string[];
  /** Removes the folder and everything in it. */
  remove(): void;
}

/** Makes the run's folder inside the current temp folder and points TMPDIR (and TMP, TEMP) at it. */
export function useRunTempDir(): RunTempDir {
  const path = mkdtempSync(join(tmpdir(), 'rembuk-test-run-'));
  process.env['TMPDIR'] = path;
  process.env['TMP'] = path;
  process.env['TEMP'] = path;
  return {
    path,
    leftovers() {
      return readdirSync(path)
        .filter((name) => !TOOL_CACHES.some((cache) => cache.test(name)))
        .map((name) => describeEntry(join(path, name), name));
    },
    remove() {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

function describeEntry(full: string, name: string): string {
  try {
    if (!statSync(full).isDirectory()) return name;
    const inside = readdirSync(full);
    const shown = inside.slice(0, 5).join(', ');
    return `${name}/ (${inside.length} entries${inside.length > 0 ? `: ${shown}${inside.length > 5 ? ', …' : ''}` : ''})`;
  } catch {
    return name;
  }
}

/**
 * Waits briefly for cleanups still in flight (a child that was just killed, a browser closing),
 * then fails the run (exit code 1) naming what it left behind. The folder is removed either way.
 */
export async function assertRunLeftNothing(dir: RunTempDir, graceMs = 2_000): Promise<void> {
  const deadline = Date.now() + graceMs;
  let left = dir.leftovers();
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = dir.leftovers();
  }
  dir.remove();
  if (left.length > 0) {
    // Vitest only logs an error thrown by a global teardown ("error during close") and still
    // exits 0, so the exit code is set here.
    process.exitCode = 1;
    throw new Error(
      `The test run left ${left.length} item(s) in its temporary folder (${dir.path}); every test must remove what it creates:\n` +
        left.map((entry) => `  - ${entry}`).join('\n'),
    );
  }
}

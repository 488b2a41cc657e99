/**
 * npm 11 warns on every install about dependencies whose install scripts nobody allowed, and a
 * later npm will skip those scripts. The lockfile marks each package that has one
 * (`hasInstallScript`); package.json's `allowScripts` must name exactly those, so `npm install`
 * prints no warning and a new package that wants to run code at install time is a decision,
 * not a surprise (docs/decisions/0001-libraries.md).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, name), 'utf8'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names of the locked packages with an install script (`node_modules/a/node_modules/b` → `b`). */
function packagesWithInstallScripts(): string[] {
  const lock = readJson('package-lock.json');
  const packages = isRecord(lock) && isRecord(lock['packages']) ? lock['packages'] : {};
  const names = new Set<string>();
  for (const [path, entry] of Object.entries(packages)) {
    if (path === '' || !isRecord(entry) || entry['hasInstallScript'] !== true) continue;
    names.add(path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  }
  return [...names].sort();
}

it('allows the install scripts of exactly the packages in the lockfile that have one', () => {
  const manifest = readJson('package.json');
  const allowScripts = isRecord(manifest) && isRecord(manifest['allowScripts']) ? manifest['allowScripts'] : {};
  const allowed = Object.entries(allowScripts)
    .filter(([, value]) => value === true)
    .map(([name]) => name)
    .sort();
  // Name-only entries (`npm install-scripts approve --no-allow-scripts-pin <name>`), not pinned
  // `name@version` ones: see the decision record for why.
  expect(allowed, 'package.json allowScripts against the lockfile').toEqual(packagesWithInstallScripts());
});

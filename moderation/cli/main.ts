/**
 * `npm run moderation -- check --policy p.json [--diff other.json] [--json] < comments.jsonl`
 * Prints a verdict per line, or with --diff only the verdicts that change between two policies.
 * The only part of moderation/ that touches Node (stdin, files, exit codes).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultPolicy, parsePolicy, type Policy } from '../policy.ts';
import { checkLines, diffLines } from './check.ts';

const usage = 'usage: npm run moderation -- check [--policy p.json] [--diff other.json] [--json] < comments.jsonl';

function loadPolicy(path: string | undefined): Policy {
  if (path === undefined) return defaultPolicy;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    console.error(`${path}: cannot read policy: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
  const r = parsePolicy(json);
  if (r.ok) return r.policy;
  for (const err of r.errors) console.error(`${path}: ${err.path}: ${err.message}`);
  process.exit(2);
}

function main(): void {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      policy: { type: 'string' },
      diff: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || positionals[0] !== 'check') {
    console.error(usage);
    process.exit(values.help ? 0 : 2);
  }
  const policy = loadPolicy(values.policy);
  const lines = readFileSync(0, 'utf8').split('\n');
  if (values.diff !== undefined) {
    console.log(diffLines(lines, policy, loadPolicy(values.diff)).join('\n'));
    return;
  }
  const { out, failed } = checkLines(lines, policy, values.json);
  console.log(out.join('\n'));
  if (failed) process.exitCode = 1;
}

main();

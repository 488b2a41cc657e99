import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
// The process as `npm run moderation` starts it: node with tsx, from the repository root.
const cli = (args: string[], input = '') => spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { cwd: root, input, encoding: 'utf8' });

describe('the moderation CLI process', () => {
  it('answers a mistyped flag with one error line and the usage, exit code 2, no stack trace', () => {
    const r = cli(['check', '--polcy', 'p.json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const [first, second] = r.stderr.split('\n');
    expect(first).toBe("moderation: Unknown option '--polcy' (did you mean --policy?)");
    expect(second).toMatch(/^usage: npm run moderation -- check/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('checks the comments on stdin and exits 0', () => {
    const r = cli(['check', '--json'], `${JSON.stringify('Dasar goblok.')}\n`);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ line: 1, action: 'hold' });
  });
});

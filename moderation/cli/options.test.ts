import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cliFlags, closestFlag, commandOf, parseErrorLine, type FlagValues } from './options.ts';

const check = (values: FlagValues) => commandOf(['check'], values);

describe('the CLI’s command line', () => {
  it('defaults to the default policy and an established author', () => {
    expect(check({})).toEqual({ kind: 'check', options: { policy: { kind: 'default' }, diff: undefined, author: 'established', json: false } });
  });

  it('takes the policy from a sites file and a site id, with a diff, a new author and JSON output', () => {
    expect(check({ 'sites-file': 'sites.json', site: 'koran', diff: 'p.json', author: 'new', json: true })).toEqual({
      kind: 'check',
      options: { policy: { kind: 'site', sitesFile: 'sites.json', site: 'koran' }, diff: 'p.json', author: 'new', json: true },
    });
  });

  it.each([
    [[], {}, 'no command given (the only command is "check")'],
    [['chek'], {}, 'unknown command "chek" (the only command is "check")'],
    [['check', 'p.json'], {}, 'unexpected argument "p.json" (comments are read from stdin)'],
    [['check'], { author: 'old' }, '--author must be new or established, not "old"'],
    [['check'], { site: 'koran' }, '--site needs --sites-file'],
    [['check'], { 'sites-file': 'sites.json' }, '--sites-file needs --site ID'],
    [
      ['check'],
      { policy: 'p.json', 'sites-file': 'sites.json', site: 'koran' },
      '--policy cannot be combined with --sites-file/--site: give one policy',
    ],
  ] as const)('answers %j %j with a usage error', (positionals, values, message) => {
    expect(commandOf(positionals, values)).toEqual({ kind: 'error', message });
  });

  it('asks for the usage with --help whatever else is given', () => {
    expect(commandOf([], { help: true })).toEqual({ kind: 'help' });
  });

  it('turns a parseArgs error into one line that suggests the flag meant', () => {
    const error = (args: string[]) => {
      try {
        parseArgs({ args, options: cliFlags, allowPositionals: true, strict: true });
      } catch (e) {
        return parseErrorLine(e);
      }
      throw new Error(`parseArgs accepted ${args.join(' ')}`);
    };
    expect(error(['check', '--polcy', 'p.json'])).toBe("Unknown option '--polcy' (did you mean --policy?)");
    expect(error(['check', '--zzz'])).toBe("Unknown option '--zzz'");
    expect(error(['check', '--site'])).toBe("Option '--site <value>' argument missing");
  });

  it('suggests only a flag within two edits', () => {
    expect(closestFlag('--sitesfile')).toBe('--sites-file');
    expect(closestFlag('--author=new')).toBe('--author');
    expect(closestFlag('--verbose')).toBeUndefined();
  });
});

/**
 * `npm run moderation -- check …` (usage in options.ts): a verdict per comment read from stdin,
 * or with --diff only the verdicts that change between two policies. The only part of moderation/
 * that touches Node (argv, stdin, files, exit codes); a usage mistake answers with one line and the
 * usage, exit code 2, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cliFlags, commandOf, parseErrorLine, usage, type Command } from './options.ts';
import { runCheck, type ReadText } from './run.ts';

function parseCommand(args: string[]): Command {
  try {
    const { positionals, values } = parseArgs({ args, options: cliFlags, allowPositionals: true, strict: true });
    return commandOf(positionals, values);
  } catch (e) {
    // parseArgs throws a TypeError with an ERR_PARSE_ARGS_* code for an unknown flag, a missing value, …
    return { kind: 'error', message: parseErrorLine(e) };
  }
}

const readText: ReadText = (path) => {
  try {
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
};

function main(): void {
  const command = parseCommand(process.argv.slice(2));
  if (command.kind === 'help') {
    console.log(usage);
    return;
  }
  if (command.kind === 'error') {
    console.error(`moderation: ${command.message}\n${usage}`);
    process.exitCode = 2;
    return;
  }
  const result = runCheck(command.options, readFileSync(0, 'utf8').split('\n'), readText);
  for (const line of result.stderr) console.error(line);
  if (result.stdout.length > 0) console.log(result.stdout.join('\n'));
  process.exitCode = result.code;
}

main();

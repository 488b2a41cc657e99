/**
 * Where a new password comes from: typed twice at a terminal without echo, or read from
 * standard input when it is not a terminal (`echo "$PASS" | npm run admin -- …`, scripts).
 */

export class PasswordInputError extends Error {
  readonly code: 'PASSWORD_MISMATCH' | 'CANCELLED';
  constructor(code: 'PASSWORD_MISMATCH' | 'CANCELLED', message: string) {
    super(message);
    this.code = code;
    this.name = 'PasswordInputError';
  }
}

export async function readNewPassword(input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
  if (!input.isTTY) return (await readAll(input)).replace(/\r?\n$/, '');
  const [first, second] = await askHidden(['New password: ', 'Again: '], input, output);
  if (first !== second) throw new PasswordInputError('PASSWORD_MISMATCH', 'The two passwords differ; nothing changed.');
  return first ?? '';
}

async function readAll(input: NodeJS.ReadStream): Promise<string> {
  let text = '';
  for await (const chunk of input) text += String(chunk);
  return text;
}

/**
 * Raw mode: the terminal echoes nothing; Enter ends an answer, Backspace edits it, Ctrl-C
 * cancels. One reader for all the prompts, so answers pasted or typed ahead in one chunk are
 * each kept, not lost with the chunk.
 */
function askHidden(prompts: readonly string[], input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const answers: string[] = [];
    let answer = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === '\u0003') {
          finish();
          output.write('\n');
          reject(new PasswordInputError('CANCELLED', 'Cancelled; nothing changed.'));
          return;
        }
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          answers.push(answer);
          answer = '';
          output.write('\n');
          if (answers.length === prompts.length) {
            finish();
            resolve(answers);
            return;
          }
          output.write(prompts[answers.length] ?? '');
          continue;
        }
        answer = ch === '\u007f' || ch === '\b' ? answer.slice(0, -1) : answer + ch;
      }
    };
    output.write(prompts[0] ?? '');
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}

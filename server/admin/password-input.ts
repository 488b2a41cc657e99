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
  const first = await askHidden('New password: ', input, output);
  const second = await askHidden('Again: ', input, output);
  if (first !== second) throw new PasswordInputError('PASSWORD_MISMATCH', 'The two passwords differ; nothing changed.');
  return first;
}

async function readAll(input: NodeJS.ReadStream): Promise<string> {
  let text = '';
  for await (const chunk of input) text += String(chunk);
  return text;
}

/** Raw mode: the terminal echoes nothing; Enter ends the answer, Backspace edits it, Ctrl-C cancels. */
function askHidden(prompt: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string> {
  output.write(prompt);
  return new Promise((resolve, reject) => {
    let answer = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(answer);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new PasswordInputError('CANCELLED', 'Cancelled; nothing changed.'));
          return;
        }
        answer = ch === '\u007f' || ch === '\b' ? answer.slice(0, -1) : answer + ch;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}

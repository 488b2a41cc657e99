/**
 * `npm run admin -- …`: the admin commands' composition root. It reads the same settings as
 * the server (REDIS_URL, REDIS_PREFIX, DATA_DIR) through the same schema, opens the same store
 * (beside a running server, on the embedded store), runs one command and exits.
 */
import { randomBytes } from 'node:crypto';
import { parseConfig, storeSettingsOf } from '../config.ts';
import { newSsoSecret } from '../sites/sso-secret.ts';
import { openStore } from '../store/open-store.ts';
import { parseAdminArgs } from './admin-args.ts';
import { runAdminCommand } from './admin-commands.ts';
import { readNewPassword } from './password-input.ts';
import { openLineSink } from './line-sinks.ts';
import { terminalProgress } from './progress.ts';

async function main(): Promise<number> {
  const args = parseAdminArgs(process.argv.slice(2));
  if (!args.ok) {
    process.stderr.write(`${args.message}\n`);
    return 2;
  }
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    process.stderr.write(`Fix these settings first:\n  ${parsed.errors.join('\n  ')}\n`);
    return 2;
  }
  const store = await openStore(storeSettingsOf(parsed.config), { besideRunningServer: true });
  try {
    return await runAdminCommand(args.command, {
      store,
      clock: Date.now,
      newId: () => randomBytes(12).toString('base64url'),
      newSecret: newSsoSecret,
      // Where `npm start` listens by default: the snippet works on this machine as printed.
      server: parsed.config.PUBLIC_URL
        ? { url: parsed.config.PUBLIC_URL, fromPublicUrl: true }
        : { url: `http://127.0.0.1:${parsed.config.PORT || 3000}`, fromPublicUrl: false },
      readPassword: () => readNewPassword(),
      print: (line) => process.stdout.write(`${line}\n`),
      warn: (line) => process.stderr.write(`${line}\n`),
      progress: terminalProgress(process.stderr),
      openSink: openLineSink,
    });
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);

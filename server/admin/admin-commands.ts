/**
 * What each admin command does, given the store and the ways to ask for a password and to
 * print. No process, terminal or environment here (admin/main.ts wires those), so every
 * command is tested against both real stores.
 */
import type { ModeratorAccount, ModeratorDirectory } from '../store/moderator-types.ts';
import { moderatorName } from '../identity/reader-identity.ts';
import { generatePassword, hashPassword, passwordProblem } from '../moderators/password-hash.ts';
import type { SiteDirectory } from '../store/site-types.ts';
import type { CommentTransfer } from '../store/types.ts';
import type { AdminCommand } from './admin-args.ts';
import { runSiteCommand, type SiteCommandDeps } from './site-commands.ts';
import { runCommentsCommand, type CommentCommandDeps } from './comment-commands.ts';
import { openLineSink } from './line-sinks.ts';

export interface AdminDeps extends Omit<SiteCommandDeps, 'store'>, Partial<Omit<CommentCommandDeps, 'store' | 'print'>> {
  store: ModeratorDirectory & SiteDirectory & CommentTransfer;
  clock: () => number;
  newId: () => string;
  /** Asks for a new password (twice on a terminal) or reads it from standard input. */
  readPassword: () => Promise<string>;
  print: (line: string) => void;
}

/** Runs one command; the exit code: 0 done, 1 refused (the message says why). */
export async function runAdminCommand(command: AdminCommand, deps: AdminDeps): Promise<number> {
  const { store, print } = deps;
  switch (command.kind) {
    case 'moderator-add': {
      if (await store.findModeratorByEmail(command.email)) {
        print(`A moderator with the email ${command.email} exists already (change it with "moderator passwd", or remove it first).`);
        return 1;
      }
      const password = await choosePassword(command.generatePassword, deps);
      if (password === null) return 1;
      const now = deps.clock();
      const account: ModeratorAccount = {
        id: deps.newId(),
        email: command.email,
        role: command.role,
        sites: command.role === 'admin' ? [] : command.sites,
        passwordHash: await hashPassword(password),
        createdAt: now,
        passwordChangedAt: now,
        ...(command.name !== undefined ? { name: command.name } : {}),
      };
      if (!(await store.createModerator(account))) {
        print(`A moderator with the email ${command.email} was added meanwhile; nothing changed.`);
        return 1;
      }
      print(`Added ${describe(account)}.`);
      if (command.generatePassword) print(`Password (shown once, store it now): ${password}`);
      return 0;
    }
    case 'moderator-list': {
      const accounts = await store.listModerators();
      if (accounts.length === 0) print('No moderators yet. Add one with: npm run admin -- moderator add --email <e> --site <id>');
      for (const account of accounts) print(`${describe(account)}, added ${new Date(account.createdAt).toISOString().slice(0, 10)}`);
      return 0;
    }
    case 'moderator-update': {
      const account = await store.findModeratorByEmail(command.email);
      if (!account || !(await store.updateModerator(account.id, { name: command.name }))) {
        print(`No moderator has the email ${command.email}.`);
        return 1;
      }
      print(`Updated ${describe({ ...account, name: command.name })}. Their next comments go out under that name; readers may not take it.`);
      return 0;
    }
    case 'moderator-remove': {
      const account = await store.findModeratorByEmail(command.email);
      if (!account || !(await store.removeModerator(account.id))) {
        print(`No moderator has the email ${command.email}.`);
        return 1;
      }
      print(`Removed ${describe(account)}; every session of theirs is signed out.`);
      return 0;
    }
    case 'site-add':
    case 'site-list':
    case 'site-show':
    case 'site-update':
    case 'site-remove':
      return runSiteCommand(command, deps);
    case 'comments-export':
    case 'comments-import':
    case 'comments-import-disqus':
      return runCommentsCommand(command, {
        store,
        print,
        warn: deps.warn ?? print,
        progress: deps.progress ?? null,
        openSink: deps.openSink ?? openLineSink,
      });
    case 'moderator-passwd': {
      const account = await store.findModeratorByEmail(command.email);
      if (!account) {
        print(`No moderator has the email ${command.email}.`);
        return 1;
      }
      const password = await choosePassword(command.generatePassword, deps);
      if (password === null) return 1;
      await store.updateModerator(account.id, { passwordHash: await hashPassword(password), passwordChangedAt: deps.clock() });
      const ended = await store.revokeSessionsOf(account.id);
      print(`New password set for ${account.email}; ${ended === 1 ? '1 session' : `${ended} sessions`} signed out.`);
      if (command.generatePassword) print(`Password (shown once, store it now): ${password}`);
      return 0;
    }
  }
}

async function choosePassword(generate: boolean, deps: AdminDeps): Promise<string | null> {
  if (generate) return generatePassword();
  const password = await deps.readPassword();
  const problem = passwordProblem(password);
  if (problem) {
    deps.print(`${problem} Nothing changed. (Or let one be made: --generate-password.)`);
    return null;
  }
  return password;
}

function describe(account: ModeratorAccount): string {
  // The name only when one is set: otherwise it is the email's local part, which the email shows.
  const who = account.name ? `${account.email}, commenting as "${moderatorName(account)}"` : account.email;
  return account.role === 'admin' ? `${who} (admin of every site)` : `${who} (moderator of ${account.sites.join(', ')})`;
}

/**
 * A fresh install's way into the console: when no moderator account exists, an admin account
 * is made (with a random password nobody is shown) and a one-time sign-in link for it is
 * returned, valid 24 hours, for `npm start` to print. While that account's password has never
 * been set, each start prints a new link; once someone sets it (`npm run admin -- moderator
 * passwd`), or removes it while other accounts exist, no link is printed again. With no account
 * left at all the install counts as fresh again, and the next start makes a new admin and link.
 */
import { randomBytes } from 'node:crypto';
import type { ModeratorDirectory } from '../store/moderator-types.ts';
import type { ModeratorAuth } from './moderator-auth.ts';
import { hashPassword } from './password-hash.ts';

export const FIRST_ADMIN_EMAIL = 'admin@rembuk.local';
export const FIRST_ADMIN_LINK_TTL_MS = 24 * 3_600_000;

export async function firstAdminLink(deps: {
  store: ModeratorDirectory;
  auth: Pick<ModeratorAuth, 'issueSignInLink'>;
  clock: () => number;
  newId: () => string;
}): Promise<{ email: string; token: string } | null> {
  const { store } = deps;
  let account = await store.findModeratorByEmail(FIRST_ADMIN_EMAIL);
  if (!account) {
    if ((await store.listModerators()).length > 0) return null;
    const now = deps.clock();
    const candidate = {
      id: deps.newId(),
      email: FIRST_ADMIN_EMAIL,
      role: 'admin' as const,
      sites: [],
      passwordHash: await hashPassword(randomBytes(24).toString('base64url')),
      createdAt: now,
      passwordChangedAt: now,
    };
    // Another process (the admin command) may have added an account meanwhile: then no link.
    if (!(await store.createModerator(candidate))) return null;
    account = candidate;
  }
  if (account.passwordChangedAt !== account.createdAt) return null;
  return { email: account.email, token: await deps.auth.issueSignInLink(account.id, FIRST_ADMIN_LINK_TTL_MS) };
}

/**
 * A moderator account for tests, stored through the store's own interface: Dewi, moderator of
 * the demo site, with a known password.
 */
import { hashPassword } from '../../server/moderators/password-hash.ts';
import type { ModeratorAccount, ModeratorDirectory } from '../../server/store/moderator-types.ts';

export const DEWI_PASSWORD = 'kata-sandi-dewi-123';

export async function addTestModerator(store: ModeratorDirectory, at: number, over: Partial<ModeratorAccount> = {}): Promise<ModeratorAccount> {
  const account: ModeratorAccount = {
    id: 'mod-dewi',
    email: 'dewi@example.com',
    role: 'moderator',
    sites: ['demo'],
    // Hashing is slow on purpose; a caller that made the hash once passes it in `over`.
    passwordHash: over.passwordHash ?? (await hashPassword(DEWI_PASSWORD)),
    createdAt: at,
    passwordChangedAt: at,
    ...over,
  };
  if (!(await store.createModerator(account))) throw new Error(`test moderator ${account.email} exists already`);
  return account;
}

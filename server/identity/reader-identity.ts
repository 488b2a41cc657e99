/**
 * Who a reader's socket writes as (decision 0021): anonymous (a device's author id; the name is
 * typed with each comment), an SSO identity the site signed (`sso:<sub>`), or one of the site's
 * moderators signed in to the console (`mod:<id>`). A verified identity's name and avatar are
 * its own, whatever a request says.
 */
import type { AuthorKind } from '../../protocol/comment.ts';
import type { ModeratorAccount } from '../store/moderator-types.ts';

export interface ReaderIdentity {
  authorId: string;
  kind: AuthorKind;
  /** A verified identity's name; null for an anonymous reader. */
  name: string | null;
  avatarUrl: string | null;
}

/** The name a moderator's comments go out under: their account's name, else their email's local part. */
export function moderatorName(account: Pick<ModeratorAccount, 'name' | 'email'>): string {
  const name = account.name?.replace(/\s+/g, ' ').trim();
  return name ? name : (account.email.split('@')[0] ?? account.email);
}

export function moderatorIdentity(account: Pick<ModeratorAccount, 'id' | 'name' | 'email'>): ReaderIdentity {
  return { authorId: `mod:${account.id}`, kind: 'moderator', name: moderatorName(account), avatarUrl: null };
}

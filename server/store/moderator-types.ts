/**
 * Moderator accounts and their sign-in sessions, kept in the comment store so that every
 * server on one Redis (or the one server on a DATA_DIR, and the admin command beside it) sees
 * the same accounts, and a change takes effect without a restart.
 */

export const ModeratorRole = { admin: 'admin', moderator: 'moderator' } as const;
export type ModeratorRole = (typeof ModeratorRole)[keyof typeof ModeratorRole];

export interface ModeratorAccount {
  /** Random, stable; sessions and (later) audit records name the moderator by it. */
  id: string;
  /** Lower-cased and trimmed; unique across the install. */
  email: string;
  /**
   * The name their comments in a thread go out under (with a moderator badge), and which
   * anonymous readers may not take on the sites they moderate. Absent or null: their email's local part.
   */
  name?: string | null;
  /** `admin` moderates every site; `moderator` only `sites`. */
  role: ModeratorRole;
  /** The sites a `moderator` may moderate (empty for an admin). */
  sites: string[];
  /** `scrypt$N$r$p$<salt>$<key>` (server/moderators/password-hash.ts); never the password. */
  passwordHash: string;
  createdAt: number;
  /** Sessions created before this are refused: changing a password signs out everywhere. */
  passwordChangedAt: number;
}

export interface ModeratorSession {
  /** SHA-256 of the cookie's token, hex: the store never holds a token that would sign in. */
  id: string;
  moderatorId: string;
  createdAt: number;
  expiresAt: number;
}

export type ModeratorUpdate = Partial<Pick<ModeratorAccount, 'role' | 'sites' | 'passwordHash' | 'passwordChangedAt' | 'name'>>;

/** Accounts and sessions; both stores implement it and store.contract.ts tests it once. */
export interface ModeratorDirectory {
  /** Creates the account; `false` when its email is taken (nothing written). */
  createModerator(account: ModeratorAccount): Promise<boolean>;
  getModerator(id: string): Promise<ModeratorAccount | null>;
  /** By email, compared lower-cased and trimmed. */
  findModeratorByEmail(email: string): Promise<ModeratorAccount | null>;
  /** Every account, ordered by email. */
  listModerators(): Promise<ModeratorAccount[]>;
  /** Changes the given fields; `false` when there is no such account. */
  updateModerator(id: string, update: ModeratorUpdate): Promise<boolean>;
  /** Removes the account and every session of it; `false` when there was none. */
  removeModerator(id: string): Promise<boolean>;
  createSession(session: ModeratorSession): Promise<void>;
  /**
   * The session, or null when it does not exist, has expired at `now`, or belongs to an account
   * that was removed or whose password changed after the session was created.
   */
  getSession(id: string, now: number): Promise<ModeratorSession | null>;
  /** Signs one session out (idempotent). */
  revokeSession(id: string): Promise<void>;
  /** Signs a moderator out everywhere; how many sessions ended. */
  revokeSessionsOf(moderatorId: string): Promise<number>;
  /** Stores a one-time sign-in link (its token's SHA-256, like a session). */
  createSignInLink(link: SignInLink): Promise<void>;
  /** Uses up a link: its moderator's id the first time, before it expires; null otherwise (atomic: two uses, one wins). */
  consumeSignInLink(id: string, now: number): Promise<string | null>;
}

export interface SignInLink {
  /** SHA-256 of the link's token, hex. */
  id: string;
  moderatorId: string;
  expiresAt: number;
}

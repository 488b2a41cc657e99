/**
 * Moderators' sign-in, sessions and what a session may do. A session token is 32 random
 * bytes handed to the browser once (the cookie); the store keeps only its SHA-256, so a copy
 * of the database signs nobody in. Failed sign-ins are limited per account and per address and
 * always answered the same way, whether the email exists or not (the same work is done either
 * way, so timing does not tell either).
 */
import { createHash, randomBytes } from 'node:crypto';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { keyedLimit } from '../limits/keyed-limit.ts';
import { limitKey } from '../limits/limit-key.ts';
import type { LimiterFactory } from '../limits/redis-limiters.ts';
import type { ModeratorAccount, ModeratorDirectory, ModeratorSession } from '../store/moderator-types.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';

export type SignInOutcome =
  | { ok: true; token: string; account: ModeratorAccount; session: ModeratorSession }
  | { ok: false; code: 'SIGN_IN_FAILED'; message: string }
  | { ok: false; code: 'RATE_LIMITED'; message: string; retryAfterMs: number };

export interface ModeratorAuth {
  signIn(email: string, password: string, address: string): Promise<SignInOutcome>;
  /** The signed-in moderator of a cookie's token, or null (unknown, expired, revoked, password changed). */
  authenticate(token: string): Promise<{ account: ModeratorAccount; session: ModeratorSession } | null>;
  /** The same, by the session's id (what a console socket keeps): every moderation request re-checks it. */
  authenticateSession(sessionId: string): Promise<{ account: ModeratorAccount; session: ModeratorSession } | null>;
  signOut(token: string): Promise<void>;
  /** A one-time sign-in link's token for an account, valid for `ttlMs`; the store keeps only its hash. */
  issueSignInLink(moderatorId: string, ttlMs: number): Promise<string>;
  /** Uses up a sign-in link and starts a session, or fails the way a wrong password does. */
  signInWithLink(token: string): Promise<SignInOutcome>;
}

export interface ModeratorAuthOptions {
  store: ModeratorDirectory;
  clock: () => number;
  /** How long a session lasts (default 12 h: a working day, then sign in again). */
  sessionTtlMs?: number;
  /** Failed sign-ins allowed per account and per address in `failureWindowS` (defaults 5 and 20 in 15 min). */
  failuresPerAccount?: number;
  failuresPerAddress?: number;
  failureWindowS?: number;
  randomToken?: () => string;
  /** Where failed sign-ins are counted: in this process by default; in Redis for several servers (limits/redis-limiters.ts). */
  limiter?: LimiterFactory;
}

export const SIGN_IN_FAILED_MESSAGE = 'The email or the password is wrong.';

/** Whether an account may moderate a site. */
export function mayModerate(account: ModeratorAccount, site: string): boolean {
  return account.role === 'admin' || account.sites.includes(site);
}

/** What the store keeps of a token: its SHA-256, hex. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createModeratorAuth(options: ModeratorAuthOptions): ModeratorAuth {
  const { store, clock } = options;
  const ttl = options.sessionTtlMs ?? 12 * 3_600_000;
  const window = options.failureWindowS ?? 15 * 60;
  const limiter: LimiterFactory = options.limiter ?? ((name, points, duration) => new RateLimiterMemory({ keyPrefix: name, points, duration }));
  const perAccount = keyedLimit(limiter('signin-account', options.failuresPerAccount ?? 5, window));
  const perAddress = keyedLimit(limiter('signin-address', options.failuresPerAddress ?? 20, window));
  const randomToken = options.randomToken ?? (() => randomBytes(32).toString('base64url'));
  // Verified against when the email is unknown, so an unknown email costs what a wrong password
  // does. Made at the first such sign-in, not at start: every server (and test app) builds this.
  let decoy: Promise<string> | null = null;
  const decoyHash = () => (decoy ??= hashPassword(randomBytes(16).toString('hex')));

  async function startSession(account: ModeratorAccount): Promise<SignInOutcome> {
    const token = randomToken();
    const now = clock();
    const session: ModeratorSession = { id: sessionIdOf(token), moderatorId: account.id, createdAt: now, expiresAt: now + ttl };
    await store.createSession(session);
    return { ok: true, token, account, session };
  }

  async function authenticateSession(sessionId: string): Promise<{ account: ModeratorAccount; session: ModeratorSession } | null> {
    const session = await store.getSession(sessionId, clock());
    if (!session) return null;
    const account = await store.getModerator(session.moderatorId);
    return account ? { account, session } : null;
  }

  return {
    async signIn(email, password, address) {
      const emailKey = email.trim().toLowerCase();
      const addressKey = limitKey(address);
      const [byAccount, byAddress] = await Promise.all([perAccount.peek(emailKey), perAddress.peek(addressKey)]);
      const wait = Math.max(byAccount.ok ? 0 : byAccount.retryAfterMs, byAddress.ok ? 0 : byAddress.retryAfterMs);
      if (wait > 0) {
        return {
          ok: false,
          code: 'RATE_LIMITED',
          message: `Too many failed sign-ins; try again in ${Math.ceil(wait / 60_000)} min.`,
          retryAfterMs: wait,
        };
      }
      const account = await store.findModeratorByEmail(emailKey);
      const matches = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
      if (!account || !matches) {
        // Over the limit already is fine: the next attempt is refused by peek.
        await Promise.all([perAccount.consume(emailKey), perAddress.consume(addressKey)]);
        return { ok: false, code: 'SIGN_IN_FAILED', message: SIGN_IN_FAILED_MESSAGE };
      }
      await perAccount.reset(emailKey);
      return startSession(account);
    },

    authenticate: (token) => authenticateSession(sessionIdOf(token)),
    authenticateSession,

    async issueSignInLink(moderatorId, ttlMs) {
      const token = randomToken();
      await store.createSignInLink({ id: sessionIdOf(token), moderatorId, expiresAt: clock() + ttlMs });
      return token;
    },

    async signInWithLink(token) {
      const moderatorId = await store.consumeSignInLink(sessionIdOf(token), clock());
      const account = moderatorId === null ? null : await store.getModerator(moderatorId);
      if (!account)
        return { ok: false, code: 'SIGN_IN_FAILED', message: 'This sign-in link has been used or has expired. Ask an admin for a new one.' };
      return startSession(account);
    },

    async signOut(token) {
      await store.revokeSession(sessionIdOf(token));
    },
  };
}

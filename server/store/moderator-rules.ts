/**
 * The two rules of the moderator directory that both stores apply the same way, kept in one
 * place so the stores cannot drift apart on them.
 */
import type { ModeratorSession } from './moderator-types.ts';

/** Emails are compared and stored lower-cased and trimmed. */
export function normalizeModeratorEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Whether a stored session still signs in at `now`: not expired (a session ends at its
 * `expiresAt`), and not older than its account's last password change.
 */
export function isSessionLive(session: ModeratorSession, passwordChangedAt: number, now: number): boolean {
  return now < session.expiresAt && session.createdAt >= passwordChangedAt;
}

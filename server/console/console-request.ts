/**
 * Every moderation request goes through here: the payload is parsed, the session is checked
 * again (a moderator signed out elsewhere, removed, re-roled or re-passworded loses access on
 * their next request, not at their next connection), then the handler's Result is the ack.
 */
import { ErrorCode, fail, type Result } from '../../protocol/errors.ts';
import type { Ack } from '../../protocol/events.ts';
import { parseModerationRequest } from '../../protocol/moderation-parse.ts';
import type { ModerationAckOf, ModerationEventName, ModerationRequestOf } from '../../protocol/moderation.ts';
import { mayModerate } from '../moderators/moderator-auth.ts';
import { respond } from '../realtime/respond.ts';
import type { ConsoleDeps } from './console-deps.ts';
import type { ConsoleSocket } from './console-socket.ts';
import type { Moderator } from './decide-comment.ts';

export type ConsoleHandler<E extends ModerationEventName> = (
  request: ModerationRequestOf<E>,
  moderator: Moderator,
) => Promise<Result<ModerationAckOf<E>>>;

export function onRequest<E extends ModerationEventName>(
  socket: ConsoleSocket,
  deps: Pick<ConsoleDeps, 'auth' | 'logger'>,
  event: E,
  handler: ConsoleHandler<E>,
): void {
  const { site } = socket.data;
  const listener = (payload: unknown, ack: Ack<ModerationAckOf<E>>) =>
    respond(deps.logger, { event, site }, ack, async () => {
      const signedIn = await deps.auth.authenticateSession(socket.data.sessionId);
      if (!signedIn || !mayModerate(signedIn.account, site)) {
        socket.emit('session:ended', {});
        // After the ack is on its way: the console shows sign-in, and this socket is done.
        setImmediate(() => socket.disconnect(true));
        return fail(ErrorCode.FORBIDDEN, 'Your session has ended or no longer covers this site. Sign in again.');
      }
      const parsed = parseModerationRequest(event, payload);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      return handler(parsed.value, { moderatorId: signedIn.account.id, email: signedIn.account.email });
    });
  // Socket.IO's typed `on` cannot relate a generic event name to its listener; the listener's
  // payload is `unknown` and parsed above, its ack the event's own.
  (socket.on as (event: string, listener: (payload: unknown, ack: Ack<ModerationAckOf<E>>) => void) => void)(event, listener);
}

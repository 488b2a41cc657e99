/**
 * Records every broadcast a real socket.io-client socket receives, each checked with the
 * guard its client uses, so a test can wait for one that matches without racing it: an event
 * that arrived before the test started waiting still counts.
 */
import type { Socket } from 'socket.io-client';
import type { ThreadEvent } from '../../protocol/events.ts';
import { broadcastGuards, type Guard } from '../../protocol/guards.ts';
import type { ReaderSocket } from './reader-client.ts';

export type GuardMap<M> = { [E in keyof M]: Guard<M[E]> };

export interface EventRecorder<M> {
  /** Every recorded broadcast of `event`, oldest first. */
  of<E extends keyof M & string>(event: E): M[E][];
  /** Event names in arrival order (to check what came before what). */
  readonly names: readonly string[];
  /** The first `event` (already received or yet to come) that `match` accepts; rejects after `timeoutMs`. */
  until<E extends keyof M & string>(event: E, match?: (payload: M[E]) => boolean, timeoutMs?: number): Promise<M[E]>;
  /** Resolves after `ms` with every `event` received meanwhile that `match` accepts (to show something did not arrive). */
  quietFor<E extends keyof M & string>(event: E, ms: number, match?: (payload: M[E]) => boolean): Promise<M[E][]>;
}

export function recordEvents<M>(socket: Socket, guards: GuardMap<M>): EventRecorder<M> {
  const received: { event: string; payload: unknown }[] = [];
  const wrongShape: string[] = [];
  const listeners = new Set<() => void>();
  socket.onAny((event: string, payload: unknown) => {
    const guard: Guard<unknown> | undefined = (guards as Record<string, Guard<unknown> | undefined>)[event];
    if (guard && !guard(payload)) wrongShape.push(`${event} arrived with the wrong shape: ${JSON.stringify(payload)}`);
    received.push({ event, payload });
    for (const listener of [...listeners]) listener();
  });

  const of = <E extends keyof M & string>(event: E): M[E][] => received.filter((r) => r.event === event).map((r) => r.payload as M[E]);

  return {
    of,
    get names() {
      return received.map((r) => r.event);
    },
    until(event, match = () => true, timeoutMs = 3_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const [problem] = wrongShape;
          if (problem !== undefined) {
            reject(new Error(problem));
            return true;
          }
          const found = of(event).find(match);
          if (found === undefined) return false;
          resolve(found);
          return true;
        };
        if (check()) return;
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`no matching ${event} within ${timeoutMs} ms; received: ${received.map((r) => r.event).join(', ') || 'nothing'}`));
        }, timeoutMs);
        const listener = () => {
          if (!check()) return;
          clearTimeout(timer);
          listeners.delete(listener);
        };
        listeners.add(listener);
      });
    },
    async quietFor(event, ms, match = () => true) {
      const before = of(event).length;
      await new Promise((resolve) => setTimeout(resolve, ms));
      return of(event).slice(before).filter(match);
    },
  };
}

export type ReaderBroadcasts = { [E in keyof typeof broadcastGuards]: (typeof broadcastGuards)[E] extends Guard<infer T> ? T : never };

/** A reader's broadcasts, checked like the widget checks them. */
export function recordReader(socket: ReaderSocket): EventRecorder<ReaderBroadcasts> {
  const raw: Socket = socket;
  return recordEvents<ReaderBroadcasts>(raw, broadcastGuards);
}

/**
 * The thread events a reader received, in arrival order, whether each came alone
 * (`comment:created`, `comment:deleted`) or in a `thread:events` batch.
 */
export function threadEventsOf(recorder: EventRecorder<ReaderBroadcasts>, page?: string): ThreadEvent[] {
  const events: ThreadEvent[] = [];
  // `names` and each `of` list are in arrival order; walk them together.
  const created = recorder.of('comment:created');
  const deleted = recorder.of('comment:deleted');
  const batches = recorder.of('thread:events');
  let c = 0;
  let d = 0;
  let b = 0;
  for (const name of recorder.names) {
    if (name === 'comment:created') events.push(created[c++] as ThreadEvent);
    else if (name === 'comment:deleted') events.push(deleted[d++] as ThreadEvent);
    else if (name === 'thread:events') events.push(...(batches[b++]?.events ?? []));
  }
  return page === undefined ? events : events.filter((e) => e.page === page);
}

/** The first thread event (alone or batched) that `match` accepts; rejects after `timeoutMs`. */
export async function untilThreadEvent(
  recorder: EventRecorder<ReaderBroadcasts>,
  match: (event: ThreadEvent) => boolean,
  timeoutMs = 3_000,
): Promise<ThreadEvent> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = threadEventsOf(recorder).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching thread event within ${timeoutMs} ms; received: ${recorder.names.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { AlertPayload } from './alert-payload.ts';
import { createWebhookDispatcher, type WebhookDispatcherDeps } from './webhook-dispatcher.ts';

const TARGET = { url: 'https://hooks.example/rembuk', secret: 's'.repeat(32) };

const payload = (id = 'c1'): AlertPayload => ({
  event: 'comment.held',
  site: 'demo',
  page: '/p',
  comment: { id, authorName: 'Wati', text: 'dasar goblok', createdAt: 1 },
  reasons: [{ rule: 'profanity', message: 'Contains profanity.' }],
  text: 'Comment held',
});

/** Virtual time: timers run only when the test advances the clock. */
function fakeTime() {
  let now = 1_000_000;
  let timers: { at: number; run: () => void }[] = [];
  return {
    clock: () => now,
    schedule: (delayMs: number, run: () => void) => {
      const timer = { at: now + delayMs, run };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    /** The delays of the timers now waiting, from now. */
    pendingDelays: () => timers.map((t) => t.at - now).sort((a, b) => a - b),
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        await settle();
        const next = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        timers = timers.filter((t) => t !== next);
        now = next.at;
        next.run();
      }
      now = until;
      await settle();
    },
  };
}

/** Lets resolved promises run (no real waiting). */
async function settle() {
  for (let i = 0; i < 10; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

type Answer = number | Error | 'hang' | Promise<number>;

/** A fetch that answers from a script and records each request. */
function scriptedFetch(answers: Answer[]) {
  const calls: { url: string; headers: Record<string, string>; body: string; signal: AbortSignal }[] = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    const signal = init?.signal ?? new AbortController().signal;
    calls.push({
      url: url instanceof Request ? url.url : url.toString(),
      headers: init?.headers as Record<string, string>,
      body: typeof init?.body === 'string' ? init.body : '',
      signal,
    });
    const answer = answers.shift() ?? 200;
    if (answer instanceof Error) throw answer;
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
    }
    return new Response(null, { status: await answer });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function setup(answers: Answer[], options: Partial<WebhookDispatcherDeps> = {}) {
  const time = fakeTime();
  const { fetch, calls } = scriptedFetch(answers);
  const warn = vi.fn();
  const dispatcher = createWebhookDispatcher({
    fetch,
    clock: time.clock,
    schedule: time.schedule,
    logger: { warn },
    random: () => 0,
    ...options,
  });
  return { time, calls, warn, dispatcher };
}

describe('createWebhookDispatcher', () => {
  it('returns from enqueue at once and posts the signed JSON', async () => {
    const { calls, dispatcher, time } = setup([200]);
    dispatcher.enqueue(TARGET, payload());
    await settle();
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe(TARGET.url);
    expect(JSON.parse(call?.body ?? '')).toEqual(payload());
    const timestamp = call?.headers['X-Rembuk-Timestamp'];
    expect(timestamp).toBe(String(time.clock()));
    const expected = createHmac('sha256', TARGET.secret).update(`${timestamp}.${call?.body}`).digest('hex');
    expect(call?.headers['X-Rembuk-Signature']).toBe(`sha256=${expected}`);
    expect(call?.headers['content-type']).toBe('application/json');
    expect(dispatcher.stats()).toMatchObject({ delivered: 1, pending: 0, inFlight: 0 });
  });

  it('waits base, 2×base, 4×base … (with jitter) between tries of a failing delivery', async () => {
    const { calls, dispatcher, time } = setup([500, 500, 500, 200], { random: () => 1 });
    dispatcher.enqueue(TARGET, payload());
    await settle();
    expect(calls).toHaveLength(1);
    expect(time.pendingDelays()).toEqual([1_000]);
    await time.advance(999);
    expect(calls).toHaveLength(1);
    await time.advance(1);
    expect(calls).toHaveLength(2);
    expect(time.pendingDelays()).toEqual([2_000]);
    await time.advance(2_000);
    expect(calls).toHaveLength(3);
    expect(time.pendingDelays()).toEqual([4_000]);
    await time.advance(4_000);
    expect(calls).toHaveLength(4);
    expect(dispatcher.stats()).toMatchObject({ delivered: 1, failed: 0 });
  });

  it('uses the injected random for jitter: half the step at least', async () => {
    const { dispatcher, time } = setup([500], { random: () => 0, baseDelayMs: 1_000 });
    dispatcher.enqueue(TARGET, payload());
    await settle();
    expect(time.pendingDelays()).toEqual([500]);
  });

  it.each([429, 500, 503])('retries after HTTP %i', async (status) => {
    const { calls, dispatcher, time } = setup([status, 200]);
    dispatcher.enqueue(TARGET, payload());
    await time.advance(60_000);
    expect(calls).toHaveLength(2);
    expect(dispatcher.stats().delivered).toBe(1);
  });

  it('retries after a network error', async () => {
    const { calls, dispatcher, time } = setup([new TypeError('fetch failed'), 200]);
    dispatcher.enqueue(TARGET, payload());
    await time.advance(60_000);
    expect(calls).toHaveLength(2);
    expect(dispatcher.stats().delivered).toBe(1);
  });

  it('abandons a try after timeoutMs and retries it', async () => {
    const { calls, dispatcher, time } = setup(['hang', 200], { timeoutMs: 5_000 });
    dispatcher.enqueue(TARGET, payload());
    await time.advance(4_999);
    expect(calls[0]?.signal.aborted).toBe(false);
    await time.advance(1);
    expect(calls[0]?.signal.aborted).toBe(true);
    await time.advance(60_000);
    expect(calls).toHaveLength(2);
    expect(dispatcher.stats().delivered).toBe(1);
  });

  it.each([400, 401, 404, 410])('does not retry HTTP %i and says so once', async (status) => {
    const { calls, dispatcher, time, warn } = setup([status]);
    dispatcher.enqueue(TARGET, payload());
    await time.advance(600_000);
    expect(calls).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatchObject({ site: 'demo', attempts: 1, last: `HTTP ${status}` });
    expect(dispatcher.stats()).toMatchObject({ failed: 1, pending: 0 });
  });

  it('gives up after maxAttempts with one warning that keeps the secret and the path out', async () => {
    const { calls, dispatcher, time, warn } = setup([500, 500, 500, 500, 500, 500, 500, 500], { maxAttempts: 6 });
    dispatcher.enqueue(TARGET, payload());
    await time.advance(3_600_000);
    expect(calls).toHaveLength(6);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatchObject({ attempts: 6, last: 'HTTP 500', url: 'https://hooks.example', commentId: 'c1' });
    expect(JSON.stringify(warn.mock.calls)).not.toContain(TARGET.secret);
    expect(dispatcher.stats()).toMatchObject({ failed: 1, pending: 0, inFlight: 0 });
  });

  it('keeps at most maxPending alerts waiting, dropping the oldest with one counted warning', async () => {
    let answerFirst = (_status: number): void => undefined;
    const first = new Promise<number>((resolve) => {
      answerFirst = resolve;
    });
    const { calls, dispatcher, warn, time } = setup([first], { maxPending: 3, concurrency: 1 });
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) dispatcher.enqueue(TARGET, payload(id));
    await settle();
    // 'a' is in flight; b…f competed for 3 places: b and c were dropped, one warning counts them.
    expect(dispatcher.stats()).toMatchObject({ inFlight: 1, pending: 3, dropped: 2 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatchObject({ dropped: 1, droppedTotal: 1, maxPending: 3 });
    answerFirst(200);
    await time.advance(1_000);
    expect(calls.map((c) => (JSON.parse(c.body) as AlertPayload).comment.id)).toEqual(['a', 'd', 'e', 'f']);
    expect(dispatcher.stats()).toMatchObject({ delivered: 4, pending: 0, dropped: 2 });
  });

  it('close() cancels the waits, aborts what is in flight after the grace, and sends nothing more', async () => {
    const { calls, dispatcher, time, warn } = setup(['hang', 500]);
    dispatcher.enqueue(TARGET, payload('x'));
    dispatcher.enqueue(TARGET, payload('y'));
    await settle();
    expect(calls).toHaveLength(2);
    expect(time.pendingDelays().length).toBeGreaterThan(0);
    const closed = dispatcher.close(1_000);
    await time.advance(1_000);
    await closed;
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(time.pendingDelays()).toEqual([]);
    dispatcher.enqueue(TARGET, payload('z'));
    await time.advance(60_000);
    expect(calls).toHaveLength(2);
    expect(warn.mock.calls.some(([details]) => (details as { unsent?: number }).unsent === 1)).toBe(true);
  });
});

/**
 * Faults with two servers on one Redis behind nginx, end to end (the harness:
 * test/support/faults-harness.ts): Redis down, a server killed with SIGKILL under load, a reader
 * offline for a full minute. Each time a reader's widget must end up showing exactly what the
 * store holds, each comment once and in order, and nothing may need a restart to recover. The
 * tests share the servers and run in order; the offline test waits its 60 s in full, so the
 * file takes about 90 s. Redis restarted under load: faults-redis-restart.e2e.test.ts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { request } from '../support/reader-client.ts';
import { CATCH_UP, shown, showsText, useFaultsHarness, WAIT } from '../support/faults-harness.ts';

const h = useFaultsHarness();
const OFFLINE_MS = 60_000;
// Each wait inside these tests has its own bound (WAIT, CATCH_UP), which fails first with a clear
// message; a test's own limit only has to outlast them. Under load (two workers on a slower 2-core
// machine) the SIGKILL test took over Vitest's 20 s while every wait was still within its bound,
// and a body that outlives its limit goes on running into the next test (docs/decisions/0025).
const FAULT_TEST_MS = 90_000;

function shadowText(page: Page, selector: string): Promise<string> {
  return page.evaluate((s) => document.querySelector('rembuk-thread')?.shadowRoot?.querySelector(s)?.textContent ?? '', selector);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

describe('faults with two servers on one Redis behind nginx', { timeout: FAULT_TEST_MS }, () => {
  it('while Redis is down answers posts UNAVAILABLE, says so in the widget, keeps open threads readable, and recovers without a restart', async () => {
    const pageId = '/redis-mati';
    const poster = await h.readerOn(1);
    for (const text of ['Sebelum Redis mati, satu.', 'Sebelum Redis mati, dua.']) expect((await h.create(poster, pageId, text)).ok).toBe(true);
    const onA = await h.readerPage('reader on A while Redis is down', 0, pageId);
    const onB = await h.readerPage('reader on B while Redis is down', 1, pageId);
    const before = await shown(onA.page);
    expect(before.map((c) => c.text)).toEqual(['Sebelum Redis mati, dua.', 'Sebelum Redis mati, satu.']);
    const pids = h.servers.servers.map((s) => s.process.pid);

    await h.redis.stop();
    const thread = onA.page.locator('rembuk-thread');
    const draft = 'Ditulis saat Redis mati.';
    await thread.locator('input[name="authorName"]').fill('Wati');
    await thread.locator('textarea').fill(draft);
    await thread.locator('button[type="submit"]').click();
    await thread
      .locator('form [part="error"]', { hasText: 'The comment service is temporarily unavailable. Please try again.' })
      .waitFor({ timeout: WAIT });
    expect(await thread.locator('textarea').inputValue()).toBe(draft);
    // The same answer over the wire, from either server, with a sentence a person can read.
    for (const i of [0, 1]) {
      const refused = await h.create(await h.readerOn(i), pageId, `Lewat server ${i} saat Redis mati.`);
      expect(!refused.ok && refused.error.code).toBe('UNAVAILABLE');
      expect(!refused.ok && refused.error.message).toMatch(/unavailable/i);
    }
    // What was open stays readable: the comments, no "unavailable" in their place, on both servers.
    for (const page of [onA.page, onB.page]) {
      expect(await shown(page)).toEqual(before);
      expect(await page.locator('rembuk-thread [part="unavailable"]').count()).toBe(0);
    }

    await h.redis.start();
    // The servers find Redis again by themselves: each takes posts, and what is posted on A reaches
    // a reader on B live again. Until B's subscriber is back a broadcast from A is lost to B's
    // readers (their widgets fetch it at the next event's gap), so this waits for one that arrives.
    const fromA = await h.readerOn(0);
    const watcher = await h.readerOn(1);
    const heard: string[] = [];
    watcher.on('comment:created', (e) => heard.push(e.comment.text));
    watcher.on('thread:events', (b) => heard.push(...b.events.flatMap((e) => (e.type === 'comment:created' ? [e.comment.text] : []))));
    await expect
      .poll(
        async () => {
          if (!(await request(watcher, 'thread:join', { page: pageId })).ok) return false;
          const text = `Redis kembali ${Date.now()}.`;
          if (!(await h.create(fromA, pageId, text)).ok) return false;
          await sleep(500);
          return heard.includes(text);
        },
        { timeout: CATCH_UP, interval: 250 },
      )
      .toBe(true);
    expect(h.servers.servers.map((s) => s.process.pid)).toEqual(pids);
    // The reader posts the draft again: it goes through, and reaches the reader on the other server live.
    await thread.locator('button[type="submit"]').click();
    await showsText(onA.page, draft, WAIT);
    await onA.page.waitForFunction(() => document.querySelector('rembuk-thread')?.shadowRoot?.querySelector('textarea')?.value === '', undefined, {
      timeout: WAIT,
    });
    expect(await shadowText(onA.page, 'form [part="error"]')).toBe('');
    await showsText(onB.page, draft, CATCH_UP);
    await h.expectShowsStore(onA.page, pageId);
    await h.expectShowsStore(onB.page, pageId);
  });

  it('moves the readers of a server killed with SIGKILL under load to the other through the proxy, missing nothing', async () => {
    const pageId = '/server-mati-mendadak';
    const onA = [
      await h.readerPage('first reader on the killed server', 0, pageId),
      await h.readerPage('second reader on the killed server', 0, pageId),
    ];
    const onB = await h.readerPage('reader on the surviving server', 1, pageId);
    const posters = [
      { socket: await h.readerOn(0), server: 0 },
      { socket: await h.readerOn(1), server: 1 },
      { socket: await h.readerOn(1), server: 1 },
    ];
    const load = h.startLoad(posters, pageId, 'Saat server A mati');
    await sleep(1_500);
    const killed = h.servers.servers[0];
    if (!killed) throw new Error('no server A');
    expect((await killed.stop('SIGKILL')).signal).toBe('SIGKILL');
    // Each of A's readers is back, through the proxy, on B.
    for (const r of onA) await expect.poll(() => r.upstreams.last(), { timeout: CATCH_UP }).toBe(h.servers.addresses[1]);
    await sleep(1_500);
    const results = await load.stop();

    const acked = results.filter((r) => r.ok).map((r) => r.text);
    const truth = (await h.stored(1, pageId)).map((c) => c.text);
    expect(acked.filter((r) => r.startsWith('Saat server A mati 1.')).length).toBeGreaterThan(0);
    expect(acked.filter((t) => !truth.includes(t))).toEqual([]);
    // Every comment of the gap appears on every reader once, in the store's order.
    for (const r of [...onA, onB]) await h.expectShowsStore(r.page, pageId);
    for (const r of onA) expect(r.upstreams.all).toEqual([h.servers.addresses[0], h.servers.addresses[1]]);
    expect(onB.upstreams.all).toEqual([h.servers.addresses[1]]);

    await h.servers.restart(0);
    await h.servers.ready();
  });

  it(
    'gives a reader offline for 60 s every event it missed (comments, a like, a deletion) once and in order',
    { timeout: OFFLINE_MS + 45_000 },
    async () => {
      const pageId = '/luring-semenit';
      const author = await h.readerOn(0);
      const liker = await h.readerOn(1);
      const first = await h.create(author, pageId, 'Sebelum luring, satu.');
      const second = await h.create(author, pageId, 'Sebelum luring, dua.');
      if (!first.ok || !second.ok) throw new Error('could not post');
      const reader = await h.readerPage('reader offline for 60 s', 1, pageId);
      expect((await shown(reader.page)).map((c) => c.text)).toEqual(['Sebelum luring, dua.', 'Sebelum luring, satu.']);

      await reader.context.setOffline(true);
      const offlineAt = Date.now();
      await reader.page.locator('rembuk-thread [part="notice"]', { hasText: 'Connection lost' }).waitFor({ timeout: WAIT });
      const missed: Array<() => Promise<unknown>> = [
        () => h.create(author, pageId, 'Terlewat, satu (server A).'),
        () =>
          request(liker, 'thread:join', { page: pageId }).then(() =>
            request(liker, 'comment:react', { page: pageId, id: first.data.comment.id, like: true }),
          ),
        () => h.create(liker, pageId, 'Terlewat, dua (server B).'),
        () => request(author, 'comment:delete', { page: pageId, id: second.data.comment.id }),
        () => h.create(author, pageId, 'Terlewat, tiga (server A).'),
        () => h.create(liker, pageId, 'Terlewat, empat (server B).'),
      ];
      // Spread over the minute, so some come after the server has given up on the silent socket.
      for (const [n, step] of missed.entries()) {
        await sleep(Math.max(0, offlineAt + (n * OFFLINE_MS) / missed.length - Date.now()));
        const answer = (await step()) as { ok?: boolean };
        expect(answer.ok, `step ${n}`).toBe(true);
      }
      await sleep(Math.max(0, offlineAt + OFFLINE_MS - Date.now()));
      expect((await shown(reader.page)).map((c) => c.text)).toEqual(['Sebelum luring, dua.', 'Sebelum luring, satu.']);

      await reader.context.setOffline(false);
      await h.expectShowsStore(reader.page, pageId);
      const now = await shown(reader.page);
      expect(now.map((c) => c.text)).toEqual([
        'Terlewat, empat (server B).',
        'Terlewat, tiga (server A).',
        'Terlewat, dua (server B).',
        'Terlewat, satu (server A).',
        'Sebelum luring, satu.',
      ]);
      expect(now.find((c) => c.id === first.data.comment.id)?.likes).toBe('1 like');
      expect(await shadowText(reader.page, '[part="notice"]')).toBe('');
      expect(reader.upstreams.all.length).toBeGreaterThanOrEqual(2);
    },
  );

  it('saw no page error and no CSP violation on any page', () => {
    for (const [name, seen] of h.problems) expect(seen, name).toEqual([]);
  });
});

import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createServerMetrics } from './server-metrics.ts';
import { timedStore } from './timed-store.ts';

/** A store-shaped object with an operation that succeeds, one that fails, a synchronous one and a property. */
function fakeStore(clock: { ms: number }) {
  return {
    kind: 'embedded' as const,
    calls: 0,
    async getComment(id: string) {
      this.calls += 1;
      clock.ms += 7;
      await Promise.resolve();
      return { id };
    },
    async createComment(): Promise<never> {
      clock.ms += 30;
      await Promise.resolve();
      throw new Error('disk full');
    },
    exportComments(site: string) {
      return [site];
    },
  };
}

describe('the timed store', () => {
  it('times each operation by name from its call until its promise settles, and answers what the store answers', async () => {
    const clock = { ms: 1_000 };
    const seen: [string, string, number][] = [];
    const store = timedStore(
      fakeStore(clock),
      (operation, outcome, seconds) => seen.push([operation, outcome, seconds]),
      () => clock.ms,
    );

    await expect(store.getComment('c1')).resolves.toEqual({ id: 'c1' });
    await expect(store.createComment()).rejects.toThrow('disk full');

    expect(seen).toEqual([
      ['getComment', 'ok', 0.007],
      ['createComment', 'error', 0.03],
    ]);
    // The method ran on the store itself (its `this`), once.
    expect(store.calls).toBe(1);
  });

  it('passes properties and methods that return no promise through untimed', () => {
    const seen: string[] = [];
    const store = timedStore(
      fakeStore({ ms: 0 }),
      (operation) => seen.push(operation),
      () => 0,
    );
    expect(store.kind).toBe('embedded');
    expect(store.exportComments('demo')).toEqual(['demo']);
    expect(seen).toEqual([]);
  });

  it('hands out the same wrapper every time, so a method taken off the store and compared stays equal', () => {
    const store = timedStore(
      fakeStore({ ms: 0 }),
      () => undefined,
      () => 0,
    );
    expect(store.getComment).toBe(store.getComment);
  });

  it('feeds the store latency histogram, labelled by operation and outcome', async () => {
    const clock = { ms: 0 };
    const metrics = createServerMetrics({ registry: new Registry(), defaults: false });
    const store = timedStore(
      fakeStore(clock),
      (...observed) => metrics.storeOperationTook(...observed),
      () => clock.ms,
    );
    await store.getComment('a');
    await store.getComment('b');
    await store.createComment().catch(() => undefined);

    const { body } = await metrics.scrape();
    expect(body).toContain('rembuk_store_operation_duration_seconds_count{operation="getComment",outcome="ok"} 2');
    expect(body).toContain('rembuk_store_operation_duration_seconds_count{operation="createComment",outcome="error"} 1');
    // 7 ms falls in the 10 ms bucket and not the 5 ms one.
    expect(body).toContain('rembuk_store_operation_duration_seconds_bucket{le="0.005",operation="getComment",outcome="ok"} 0');
    expect(body).toContain('rembuk_store_operation_duration_seconds_bucket{le="0.01",operation="getComment",outcome="ok"} 2');
  });
});

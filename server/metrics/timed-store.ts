/**
 * The store, timed: every method that returns a promise is observed when it settles, by its
 * name. One decorator around the store the server opens (server/main.ts), so no call site
 * measures anything. A Proxy, not a hand-written wrapper per method, so a method the contract
 * gains is timed without a change here; what returns no promise (`kind`, `exportComments`'s
 * iterable) passes through as it is.
 */
import type { OperationOutcome } from './server-metrics.ts';

export type StoreOperationObserver = (operation: string, outcome: OperationOutcome, seconds: number) => void;

/** `now` in milliseconds (performance.now in the server; a fake clock in tests). */
export function timedStore<S extends object>(store: S, observe: StoreOperationObserver, now: () => number): S {
  const timed = new Map<string, unknown>();
  return new Proxy(store, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof key !== 'string' || typeof value !== 'function') return value;
      const known = timed.get(key);
      if (known) return known;
      const method = value as (...args: unknown[]) => unknown;
      const wrapper = (...args: unknown[]): unknown => {
        const started = now();
        const took = (outcome: OperationOutcome) => observe(key, outcome, (now() - started) / 1000);
        let result: unknown;
        try {
          result = method.apply(target, args);
        } catch (err) {
          took('error');
          throw err;
        }
        if (!(result instanceof Promise)) return result;
        return result.then(
          (settled: unknown) => {
            took('ok');
            return settled;
          },
          (err: unknown) => {
            took('error');
            throw err;
          },
        );
      };
      timed.set(key, wrapper);
      return wrapper;
    },
  });
}

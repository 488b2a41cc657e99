/**
 * localStorage that never throws. Storage can be missing or refuse writes (private modes,
 * sandboxed iframes, full quota); the widget then simply forgets between visits.
 */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export function createBrowserStore(): KeyValueStore {
  return {
    get(key) {
      try {
        return globalThis.localStorage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        globalThis.localStorage?.setItem(key, value);
      } catch {
        // Nothing to do: remembering is a convenience, not a requirement.
      }
    },
  };
}

/** Keys, in one place. The token is per site: one page may embed threads of one site only. */
export const storageKeys = {
  token: (site: string) => `rembuk:token:${site}`,
  name: 'rembuk:name',
  /** The thread order the reader chose last (newest, oldest, likes). */
  sort: 'rembuk:sort',
} as const;

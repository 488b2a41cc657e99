/**
 * A cap on the sockets one limit key (an IPv4 address or an IPv6 /64) holds open on this
 * process. Counted per process, not across servers: a global count would need a Redis
 * counter that outlives a crashed server's sockets, and the cap exists to stop one address
 * from eating one process's memory and file descriptors, which is a per-process resource.
 */

export interface SocketCap {
  /** Claims a slot for `key`; null when the key is at the cap, else a release function (safe to call twice). */
  claim(key: string): (() => void) | null;
  /** Open sockets counted for `key` (for tests and logs). */
  count(key: string): number;
}

export function createSocketCap(max: number): SocketCap {
  const open = new Map<string, number>();
  return {
    claim(key) {
      const current = open.get(key) ?? 0;
      if (current >= max) return null;
      open.set(key, current + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(key) ?? 1) - 1;
        if (left <= 0) open.delete(key);
        else open.set(key, left);
      };
    },
    count: (key) => open.get(key) ?? 0,
  };
}

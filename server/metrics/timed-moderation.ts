/** The moderation engine's call, timed (the engine is synchronous: one clock reading either side). */
import type { Moderate } from '../comments/moderate.ts';

/** `now` in milliseconds. */
export function timedModeration(moderate: Moderate, observe: (seconds: number) => void, now: () => number): Moderate {
  return (request) => {
    const started = now();
    try {
      return moderate(request);
    } finally {
      observe((now() - started) / 1000);
    }
  };
}

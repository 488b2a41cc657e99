import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host every `intervalMs` (a minute by default) so relative times such as
 * "5 minutes ago" stay true; `now` is the time of the latest tick.
 */
export class ClockController implements ReactiveController {
  now = Date.now();
  readonly #host: ReactiveControllerHost;
  readonly #intervalMs: number;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost, intervalMs = 60_000) {
    this.#host = host;
    this.#intervalMs = intervalMs;
    host.addController(this);
  }

  hostConnected(): void {
    this.now = Date.now();
    this.#timer = setInterval(() => {
      this.now = Date.now();
      this.#host.requestUpdate();
    }, this.#intervalMs);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Moves `now` forward without waiting for the tick (e.g. when a new comment arrives). */
  refresh(): void {
    this.now = Date.now();
  }
}

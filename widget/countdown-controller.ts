import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Counts down to a moment the server named (e.g. when a rate limit lets the reader post
 * again), re-rendering its host once a second so the wait shown is the real one left, and
 * once more when it is over. The timer lives only while a countdown runs and the host is connected.
 */
export class CountdownController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #now: () => number;
  #until = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost, now: () => number = Date.now) {
    this.#host = host;
    this.#now = now;
    host.addController(this);
  }

  /** Starts (or restarts) a countdown of `ms` from now. */
  start(ms: number): void {
    this.#until = this.#now() + Math.max(0, ms);
    this.#tick();
  }

  /** Ends the countdown early (e.g. the reader changed what they are doing). */
  stop(): void {
    this.#until = 0;
    this.#clear();
  }

  /** Milliseconds left; 0 when no countdown runs. */
  get remainingMs(): number {
    return Math.max(0, this.#until - this.#now());
  }

  get running(): boolean {
    return this.remainingMs > 0;
  }

  hostConnected(): void {
    if (this.running) this.#tick();
  }

  hostDisconnected(): void {
    this.#clear();
  }

  #tick(): void {
    if (this.#timer !== undefined || !this.running) return;
    this.#timer = setInterval(() => {
      if (!this.running) this.#clear();
      this.#host.requestUpdate();
    }, 1_000);
  }

  #clear(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

/**
 * A ReactiveControllerHost without a DOM, for the console's controller tests: it records the
 * controllers added and how often an update was asked for, and connects them on demand.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class TestHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  readonly updateComplete: Promise<boolean> = Promise.resolve(true);

  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }

  removeController(controller: ReactiveController): void {
    this.controllers.splice(this.controllers.indexOf(controller), 1);
  }

  requestUpdate(): void {
    this.updates += 1;
  }

  connect(): void {
    for (const c of this.controllers) c.hostConnected?.();
  }

  disconnect(): void {
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}

/** Lets the promises a controller started settle. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

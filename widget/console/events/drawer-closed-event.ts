/** Fired by `<moderate-author-drawer>` when the moderator closes it; the queues page gives the focus back. */
export class DrawerClosedEvent extends Event {
  static readonly eventName = 'moderate-drawer-closed';

  constructor() {
    super(DrawerClosedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'moderate-drawer-closed': DrawerClosedEvent;
  }
}

/**
 * The console's keys: which key does what, and when a key is the moderator typing instead
 * (in a field, or with a modifier held) so that it must do nothing. Pure, so the whole map is
 * tested without a browser; the queue element only turns commands into calls.
 */
import { MODERATION_QUEUES, type ModerationQueue } from '../../protocol/moderation.ts';

export type ConsoleCommand =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'approve' }
  | { kind: 'reject' }
  | { kind: 'ban' }
  | { kind: 'select' }
  | { kind: 'queue'; queue: ModerationQueue }
  | { kind: 'help' };

/** What of a KeyboardEvent the map reads. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** What of the event's target (and the elements around it, through shadow roots) the map reads. */
export interface KeyTarget {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
  getAttribute?: (name: string) => string | null;
}

/** The keys in the order the help dialog lists them; the label is a key into the console's messages. */
export const KEY_BINDINGS = [
  { keys: ['j'], does: 'next' },
  { keys: ['k'], does: 'previous' },
  { keys: ['a'], does: 'approve' },
  { keys: ['r'], does: 'reject' },
  { keys: ['b'], does: 'ban' },
  { keys: ['x'], does: 'select' },
  { keys: ['1', '2', '3', '4'], does: 'queue' },
  { keys: ['?'], does: 'help' },
] as const satisfies readonly { keys: readonly string[]; does: ConsoleCommand['kind'] }[];

const SIMPLE: Readonly<Record<string, ConsoleCommand>> = {
  j: { kind: 'next' },
  k: { kind: 'previous' },
  a: { kind: 'approve' },
  r: { kind: 'reject' },
  b: { kind: 'ban' },
  x: { kind: 'select' },
  '?': { kind: 'help' },
};

/** Inputs that take typed text; a checkbox or a button does not, so keys still work there. */
const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'password',
  'url',
  'tel',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
  '',
]);

/** True when the key goes to a field the moderator is typing in (any element on the event's path). */
export function isTyping(path: readonly KeyTarget[]): boolean {
  return path.some((el) => {
    const tag = el.tagName?.toUpperCase();
    if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
    if (tag === 'INPUT') return TEXT_INPUT_TYPES.has((el.type ?? '').toLowerCase());
    return el.isContentEditable === true || el.getAttribute?.('role') === 'textbox';
  });
}

/** The command for a key press, or null: none for this key, a modifier held (the browser's own shortcuts), or typing. */
export function commandFor(press: KeyPress, path: readonly KeyTarget[]): ConsoleCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (isTyping(path)) return null;
  const simple = SIMPLE[press.key];
  if (simple) return simple;
  const digit = Number.parseInt(press.key, 10);
  const queue = press.key.length === 1 ? MODERATION_QUEUES[digit - 1] : undefined;
  return queue ? { kind: 'queue', queue } : null;
}

import { describe, expect, it } from 'vitest';
import { commandFor, isTyping, KEY_BINDINGS } from './keyboard-map.ts';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const onBody = [{ tagName: 'BODY' }];

describe('the console’s keys', () => {
  it.each([
    ['j', { kind: 'next' }],
    ['k', { kind: 'previous' }],
    ['a', { kind: 'approve' }],
    ['r', { kind: 'reject' }],
    ['b', { kind: 'ban' }],
    ['x', { kind: 'select' }],
    ['?', { kind: 'help' }],
    ['1', { kind: 'queue', queue: 'pending' }],
    ['2', { kind: 'queue', queue: 'reported' }],
    ['3', { kind: 'queue', queue: 'rejected' }],
    ['4', { kind: 'queue', queue: 'approved' }],
  ])('maps %s', (key, command) => {
    expect(commandFor(press(key), onBody)).toEqual(command);
  });

  it.each(['5', '0', 'q', 'Enter', 'J', 'F1', '12'])('does nothing for %s', (key) => {
    expect(commandFor(press(key), onBody)).toBeNull();
  });

  it('leaves a key with Ctrl, ⌘ or Alt to the browser (Ctrl+R reloads)', () => {
    expect(commandFor(press('r', { ctrlKey: true }), onBody)).toBeNull();
    expect(commandFor(press('a', { metaKey: true }), onBody)).toBeNull();
    expect(commandFor(press('j', { altKey: true }), onBody)).toBeNull();
  });

  it.each([
    ['a text field', [{ tagName: 'INPUT', type: 'text' }]],
    ['a search field', [{ tagName: 'input', type: 'search' }]],
    ['a password field', [{ tagName: 'INPUT', type: 'password' }]],
    ['a textarea inside a shadow root', [{ tagName: 'TEXTAREA' }, { tagName: 'MODERATE-POLICY' }]],
    ['a select', [{ tagName: 'SELECT' }]],
    ['an editable element', [{ tagName: 'DIV', isContentEditable: true }]],
    ['a role=textbox element', [{ tagName: 'DIV', getAttribute: (n: string) => (n === 'role' ? 'textbox' : null) }]],
  ])('never acts while typing in %s', (_what, path) => {
    expect(isTyping(path)).toBe(true);
    expect(commandFor(press('a'), path)).toBeNull();
  });

  it('acts on a focused checkbox or button (they take no text)', () => {
    expect(commandFor(press('a'), [{ tagName: 'INPUT', type: 'checkbox' }])).toEqual({ kind: 'approve' });
    expect(commandFor(press('j'), [{ tagName: 'BUTTON' }])).toEqual({ kind: 'next' });
  });

  it('lists in the help every key it maps', () => {
    const listed = KEY_BINDINGS.flatMap((b) => b.keys);
    for (const key of listed) expect(commandFor(press(key), onBody), key).not.toBeNull();
    expect(new Set(KEY_BINDINGS.map((b) => b.does)).size).toBe(KEY_BINDINGS.length);
  });
});

import { describe, expect, it } from 'vitest';
import type { WireError } from '../../protocol/errors.ts';
import { createDraftKey, remainingDraft } from './draft-key.ts';

let n = 0;
const keys = () => `key-${(n += 1)}`;
const refused = (code: WireError['code']) => ({ ok: false as const, error: { code, message: code } });

describe('the draft’s idempotency key', () => {
  it.each([
    {
      answer: 'no answer at all (timeout)',
      outcome: { ok: false as const, lost: true as const, error: { code: 'UNAVAILABLE' as const, message: 'No answer' } },
    },
    { answer: 'UNAVAILABLE (the comment may be stored, its history not)', outcome: refused('UNAVAILABLE') },
    { answer: 'INTERNAL', outcome: refused('INTERNAL') },
  ])('stays the same for a retry of the same text after $answer', ({ outcome }) => {
    const draft = createDraftKey(keys);
    const first = draft.for('Halo semua');
    draft.answered(outcome);
    expect(draft.for('Halo semua')).toBe(first);
  });

  it.each([
    { answer: 'ok', outcome: { ok: true as const, data: {} } },
    { answer: 'RATE_LIMITED', outcome: refused('RATE_LIMITED') },
    { answer: 'INVALID_INPUT', outcome: refused('INVALID_INPUT') },
    { answer: 'AUTHOR_BANNED', outcome: refused('AUTHOR_BANNED') },
    { answer: 'THREAD_CLOSED', outcome: refused('THREAD_CLOSED') },
    { answer: 'NOT_FOUND', outcome: refused('NOT_FOUND') },
  ])('is new after a final answer: $answer', ({ outcome }) => {
    const draft = createDraftKey(keys);
    const first = draft.for('Halo semua');
    draft.answered(outcome);
    expect(draft.for('Halo semua')).not.toBe(first);
  });

  it('is new when the text changed, even after an answer that keeps it', () => {
    const draft = createDraftKey(keys);
    const first = draft.for('Halo semua');
    draft.answered(refused('UNAVAILABLE'));
    expect(draft.for('Halo semua, apa kabar?')).not.toBe(first);
  });

  it('keeps the key for as many retries as it takes, then lets it go on the answer that settles it', () => {
    const draft = createDraftKey(keys);
    const first = draft.for('Halo');
    for (let i = 0; i < 3; i += 1) {
      expect(draft.for('Halo')).toBe(first);
      draft.answered(refused('UNAVAILABLE'));
    }
    expect(draft.for('Halo')).toBe(first);
    draft.answered({ ok: true, data: {} });
    expect(draft.for('Halo')).not.toBe(first);
  });
});

describe('what stays in the box after a post', () => {
  it.each([
    ['nothing, when nothing was typed meanwhile', 'Halo semua', 'Halo semua', ''],
    ['what was typed after the sent text, without the line break between', 'Halo semua\n\nSatu lagi', 'Halo semua', 'Satu lagi'],
    ['the whole box, when the sent part itself was changed', 'Halo semuanya? Tidak', 'Halo semua!', 'Halo semuanya? Tidak'],
    ['a new text that replaced the sent one', 'Komentar kedua', 'Halo semua', 'Komentar kedua'],
  ])('keeps %s', (_name, current, sent, left) => {
    expect(remainingDraft(current, sent)).toBe(left);
  });
});

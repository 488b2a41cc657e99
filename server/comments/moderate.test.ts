import { describe, expect, it } from 'vitest';
import { createProfanityModerator } from './moderate.ts';

const moderate = createProfanityModerator();

describe('first moderation step', () => {
  it('publishes an ordinary comment with no reasons', () => {
    expect(moderate({ text: 'Hilirisasi nikel harus ramah lingkungan.', authorName: 'Budi' })).toEqual({
      action: 'publish',
      reasons: [],
    });
  });

  it('holds a profane comment and marks the word that did it', () => {
    const text = 'you are a fucking idiot';
    const verdict = moderate({ text, authorName: 'Budi' });
    expect(verdict.action).toBe('hold');
    expect(verdict.reasons[0]?.rule).toBe('profanity');
    const marked = verdict.reasons[0]?.spans.map((s) => text.slice(s.start, s.end));
    expect(marked).toContain('fucking');
    expect(verdict.reasons[0]?.message.id).toMatch(/moderator/);
  });

  it('holds a comment whose display name is profane', () => {
    expect(moderate({ text: 'Setuju.', authorName: 'shit head' }).reasons.map((r) => r.rule)).toEqual(['profane-name']);
  });
});

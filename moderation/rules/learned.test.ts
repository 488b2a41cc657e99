import { describe, expect, it } from 'vitest';
import { inputOf } from '../fixtures.ts';
import { createModerator } from '../moderator.ts';
import { policyOf, ruleOutcome } from './test-helpers.ts';

const on = { learned: { enabled: true } };
// Lines of the tuning corpus that no rule holds and that the committed model scores above the
// default threshold (they change when the corpus and the retrained model do).
const novel = ["Clueless city boy, you've never seen a blackout in Nias.", 'Keyboard warrior with zero knowledge. Sit down.'];

describe('learned rule', () => {
  it('holds an insult no rule has a word for', () => {
    for (const text of novel) {
      expect(ruleOutcome('learned', text, { learned: { enabled: false } }).action).toBe('publish');
      expect(ruleOutcome('learned', text, on).action).toBe('hold');
    }
  });

  it('names the words that weighed most, in the original text, and says in both languages that a model found it similar', () => {
    const text = "Clueless city boy, you've never seen a blackout in Nias.";
    const { found, reasons } = ruleOutcome('learned', text, on);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(3);
    for (const w of found) expect(text).toContain(w);
    const message = reasons[0]?.message;
    expect(message?.en).toMatch(/statistical model trained on moderators' labels/);
    expect(message?.id).toMatch(/Model statistik yang dilatih dari keputusan moderator/);
    expect(message?.en).toContain(`"${found[0] ?? ''}"`);
  });

  it('highlights a disguised word where it was written', () => {
    const text = 'Keyb0ard warri0r with zer0 kn0wledge. Sit d0wn.';
    const { action, found } = ruleOutcome('learned', text, on);
    expect(action).toBe('hold');
    for (const w of found) expect(text).toContain(w);
  });

  it('never rejects, whatever the threshold', () => {
    for (const text of novel) {
      const v = createModerator(policyOf({ learned: { enabled: true, threshold: 0.01 } }))(inputOf(text));
      expect(v.action).toBe('hold');
      expect(v.reasons.every((r) => r.rule !== 'learned' || r.action === 'hold')).toBe(true);
    }
  });

  it('stays silent when another rule has already held or rejected the comment', () => {
    const held = createModerator(policyOf(on))(inputOf('You are an idiot, a sad bitter old man.'));
    expect(held.action).toBe('hold');
    expect(held.reasons.map((r) => r.rule)).not.toContain('learned');
  });

  it('says nothing about a comment without words, whatever the threshold', () => {
    expect(ruleOutcome('learned', '👍👍 123', { learned: { enabled: true, threshold: 0.01 } }).action).toBe('publish');
  });

  it('publishes ordinary comments', () => {
    const moderate = createModerator(policyOf(on));
    for (const text of ['Tarif listrik naik lagi bulan ini, semoga subsidinya tepat sasaran.', 'Good article, thanks for the data on smelters.']) {
      expect(moderate(inputOf(text)).action).toBe('publish');
    }
  });

  it('is off by default, and a site turns it on with a threshold of its own', () => {
    expect(ruleOutcome('learned', novel[0] ?? '').action).toBe('publish');
    expect(ruleOutcome('learned', novel[0] ?? '', { learned: { enabled: true, threshold: 0.999 } }).action).toBe('publish');
  });
});

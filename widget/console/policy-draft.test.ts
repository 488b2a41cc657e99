import { describe, expect, it } from 'vitest';
import { canSave, createPolicyDraft, editDraft, failed, parsePolicyText, previewed, previewIsStale, saved } from './policy-draft.ts';

const preview = { examined: 10, changed: 1, examples: [] };

describe('the policy editor', () => {
  it('shows the policy as indented JSON and offers no save before a preview', () => {
    const draft = createPolicyDraft({ suspect: ['x'] });
    expect(draft.text).toBe('{\n  "suspect": [\n    "x"\n  ]\n}');
    expect(canSave(draft)).toBe(false);
  });

  it('offers save for exactly the text that was previewed', () => {
    const draft = previewed(createPolicyDraft({}), '{}', preview);
    expect(canSave(draft)).toBe(true);
    const edited = editDraft(draft, '{ }');
    expect(canSave(edited)).toBe(false);
    expect(previewIsStale(edited)).toBe(true);
    expect(canSave(editDraft(edited, '{}'))).toBe(true);
  });

  it('says why the text is not JSON, before sending anything', () => {
    const parsed = parsePolicyText('{"a": ');
    expect(parsed.ok).toBe(false);
    expect(parsePolicyText('{"a": 1}')).toEqual({ ok: true, policy: { a: 1 } });
    const draft = failed(createPolicyDraft({}), { json: 'Unexpected end' });
    expect(draft.error).toEqual({ field: null, message: 'Unexpected end', code: 'JSON' });
  });

  it('keeps the field of an INVALID_INPUT answer', () => {
    const draft = failed(createPolicyDraft({}), {
      code: 'INVALID_INPUT',
      message: 'Unknown key',
      field: 'policy.rules.capz',
      reason: 'unknown_field',
    });
    expect(draft.error).toEqual({ field: 'policy.rules.capz', message: 'Unknown key', code: 'INVALID_INPUT' });
    expect(previewed(draft, draft.text, preview).error).toBeNull();
  });

  it('starts over from the saved policy, with no preview pending', () => {
    const draft = saved({ a: 1 });
    expect(draft).toEqual({ text: '{\n  "a": 1\n}', previewedText: null, preview: null, error: null });
  });
});

import { describe, expect, it } from 'vitest';
import { defaultPolicy, parsePolicy } from './policy.ts';

describe('parsePolicy', () => {
  it('fills every default from an empty document', () => {
    const r = parsePolicy({});
    expect(r).toEqual({ ok: true, policy: defaultPolicy });
    expect(defaultPolicy.links.max).toBe(2);
    expect(defaultPolicy.words.profanityAction).toBe('hold');
  });

  it('holds personal attacks by default and lets a site turn them off or reject them', () => {
    expect(defaultPolicy.personalAttack).toEqual({ enabled: true, action: 'hold' });
    const r = parsePolicy({ personalAttack: { enabled: false } });
    expect(r.ok && r.policy.personalAttack).toEqual({ enabled: false, action: 'hold' });
    const bad = parsePolicy({ personalAttack: { action: 'delete' } });
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['personalAttack.action']);
  });

  it('keeps what the site wrote and defaults the rest of the section', () => {
    const r = parsePolicy({ links: { max: 0 }, words: { banned: ['korup'] } });
    expect(r.ok && r.policy.links).toMatchObject({ max: 0, action: 'hold', denyAction: 'reject' });
    expect(r.ok && r.policy.words.banned).toEqual(['korup']);
  });

  it('reports every bad key at once, each with its path', () => {
    const r = parsePolicy({
      colour: 'red',
      links: { max: -1, allowDomains: ['not a domain'], maximum: 3 },
      words: { profanityAction: 'delete', banned: 'korup' },
      velocity: { windowMs: 1.5 },
      length: { min: 10, max: 5 },
    });
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.errors.map((e) => e.path).sort();
    expect(paths).toEqual(
      [
        'colour',
        'links.max',
        'links.allowDomains.0',
        'links.maximum',
        'words.profanityAction',
        'words.banned',
        'velocity.windowMs',
        'length.min',
      ].sort(),
    );
    expect(r.ok ? [] : r.errors.find((e) => e.path === 'colour')?.message).toBe('unknown key');
  });

  it('refuses a document that is not an object', () => {
    const r = parsePolicy('hold everything');
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['(root)']);
  });
});

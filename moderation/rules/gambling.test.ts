import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../policy.ts';
import { ruleOutcome } from './test-helpers.ts';

describe('gambling rule', () => {
  const rows: readonly [string, string, PolicyInput, string][] = [
    ['holds "slot gacor"', 'Main di situs slot gacor hari ini pasti menang', {}, 'hold'],
    ['holds "maxwin"', 'auto MAXWIN bosku', {}, 'hold'],
    ['holds disguised vocabulary', 'SL0T G4C0R anti rungkad', {}, 'hold'],
    ['holds togel', 'prediksi togel malam ini', {}, 'hold'],
    ['holds "situs judi"', 'daftar situs judi terpercaya', {}, 'hold'],
    ['publishes "slot" in its ordinary sense', 'Slot waktu rapat dengar pendapat itu terlalu pendek.', {}, 'publish'],
    ['publishes a chirpy bird', 'Burung di kebun kami gacor setiap pagi.', {}, 'publish'],
    ['rejects when the site asks for it', 'slot gacor', { gambling: { action: 'reject' } }, 'reject'],
    ['holds a site-added term', 'main di zeus138 sekarang', { gambling: { terms: ['zeus'] } }, 'hold'],
    ['says nothing when disabled', 'slot gacor maxwin', { gambling: { enabled: false } }, 'publish'],
  ];
  it.each(rows)('%s', (_name, text, policy, action) => {
    expect(ruleOutcome('gambling', text, policy).action).toBe(action);
  });
});

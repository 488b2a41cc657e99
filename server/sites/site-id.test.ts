import { describe, expect, it } from 'vitest';
import { SITE_ID_PATTERN } from '../../protocol/limits.ts';
import { siteIdFromName } from './site-id.ts';

describe('a site id made from its name', () => {
  it.each([
    ['Situs Energi', 'situs-energi'],
    ['  Berita Ñusantara!  ', 'berita-nusantara'],
    ['Kompas.com — Tekno', 'kompas-com-tekno'],
    ['DEMO', 'demo'],
  ])('makes %j into %s', (name, id) => {
    expect(siteIdFromName(name)).toBe(id);
  });

  it('keeps a long name within the id limit, never ending on a dash', () => {
    const id = siteIdFromName('Warta Ekonomi dan Energi Baru Terbarukan Indonesia Raya');
    expect(id).not.toBeNull();
    expect(id?.length).toBeLessThanOrEqual(40);
    expect(SITE_ID_PATTERN.test(id ?? '')).toBe(true);
  });

  it('answers null for a name with no letter or digit', () => {
    expect(siteIdFromName('—!!—')).toBeNull();
    expect(siteIdFromName('文字')).toBeNull();
  });
});

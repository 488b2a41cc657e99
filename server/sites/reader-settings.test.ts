import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../protocol/limits.ts';
import { editWindowMinutesOf, isPageClosed } from './reader-settings.ts';

const site = { id: 'koran', name: 'Koran', origins: [] };

describe('a site’s settings for its readers', () => {
  it('closes only the pages the site lists', () => {
    expect(isPageClosed({ ...site, closedPages: ['/tutup'] }, '/tutup')).toBe(true);
    expect(isPageClosed({ ...site, closedPages: ['/tutup'] }, '/buka')).toBe(false);
    expect(isPageClosed(site, '/tutup')).toBe(false);
    expect(isPageClosed(undefined, '/tutup')).toBe(false);
  });

  it('gives the site’s edit window, the default when it sets none', () => {
    expect(editWindowMinutesOf(site)).toBe(LIMITS.editWindowMinutesDefault);
    expect(editWindowMinutesOf({ ...site, editWindowMinutes: 0 })).toBe(0);
    expect(editWindowMinutesOf({ ...site, editWindowMinutes: 60 })).toBe(60);
    expect(editWindowMinutesOf(undefined)).toBe(LIMITS.editWindowMinutesDefault);
  });
});

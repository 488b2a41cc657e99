import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../protocol/limits.ts';
import { editWindowMinutesOf, isEditable, isPageClosed } from './reader-settings.ts';

const site = { id: 'koran', name: 'Koran', origins: [] };
const MIN = 60_000;

describe('a site’s settings for its readers', () => {
  it('closes only the pages the site lists', () => {
    expect(isPageClosed({ ...site, closedPages: ['/tutup'] }, '/tutup')).toBe(true);
    expect(isPageClosed({ ...site, closedPages: ['/tutup'] }, '/buka')).toBe(false);
    expect(isPageClosed(site, '/tutup')).toBe(false);
    expect(isPageClosed(undefined, '/tutup')).toBe(false);
  });

  it('lets a comment be edited for the site’s window from its creation, the default when it sets none, never at 0', () => {
    expect(editWindowMinutesOf(site)).toBe(LIMITS.editWindowMinutesDefault);
    expect(isEditable(site, 0, LIMITS.editWindowMinutesDefault * MIN)).toBe(true);
    expect(isEditable(site, 0, LIMITS.editWindowMinutesDefault * MIN + 1)).toBe(false);
    expect(isEditable({ ...site, editWindowMinutes: 60 }, 0, 59 * MIN)).toBe(true);
    expect(isEditable({ ...site, editWindowMinutes: 0 }, 0, 0)).toBe(false);
  });
});

/**
 * What a site's settings mean for its readers, read from its registry entry (so a change made
 * with `npm run admin -- site update` reaches them at the next refresh): whether a page is
 * closed, and how long a comment stays editable (server/comments/edit-window.ts applies it).
 */
import { LIMITS } from '../../protocol/limits.ts';
import type { SiteConfig } from './site-registry.ts';

/** The longest edit window a site may set: a week, longer than any site needs, short enough that an edit never rewrites an old conversation. */
export const EDIT_WINDOW_MAX_MINUTES = 7 * 24 * 60;

export function isPageClosed(site: SiteConfig | undefined, page: string): boolean {
  return site?.closedPages?.includes(page) ?? false;
}

/** Minutes; 0: comments cannot be edited. */
export function editWindowMinutesOf(site: SiteConfig | undefined): number {
  return site?.editWindowMinutes ?? LIMITS.editWindowMinutesDefault;
}

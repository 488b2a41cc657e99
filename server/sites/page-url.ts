import type { SiteRegistry } from './site-registry.ts';

/**
 * Where a site's page is read, for the console's links: the page id itself when it is a URL on
 * one of the site's origins (the widget's default id is the page's canonical URL), or the site's
 * first origin + the id when the id is a path (`/2025/03/…/`); otherwise there is no link to give.
 * A URL on another origin gets none: any reader can open a thread under any id, and the console
 * must not turn one into a link to a page the site does not own.
 */
export function pageUrlOf(sites: Pick<SiteRegistry, 'get'>, site: string, page: string): string | null {
  const origins = sites.get(site)?.origins ?? [];
  if (/^https?:\/\//i.test(page)) {
    try {
      return origins.includes(new URL(page).origin) ? page : null;
    } catch {
      return null;
    }
  }
  const origin = origins[0];
  return origin && page.startsWith('/') ? `${origin}${page}` : null;
}

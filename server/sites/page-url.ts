import type { SiteRegistry } from './site-registry.ts';

/**
 * Where a site's page is read, for the console's links: the site's first origin + the page id,
 * when the id is a path (`/2025/03/…/`); otherwise there is no link to give.
 */
export function pageUrlOf(sites: Pick<SiteRegistry, 'get'>, site: string, page: string): string | null {
  const origin = sites.get(site)?.origins[0];
  return origin && page.startsWith('/') ? `${origin}${page}` : null;
}

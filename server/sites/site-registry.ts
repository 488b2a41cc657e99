/**
 * The sites this server serves comments for, and the page origins each may be embedded on.
 * A socket handshake or API request from any other origin is refused.
 */
export interface SiteConfig {
  id: string;
  name: string;
  /** Page origins (scheme://host[:port]) the widget may run on. */
  origins: string[];
  /** Signs the site's SSO tokens (HS256); absent for a site that has none (the demo). */
  ssoSecret?: string;
  /** Pages whose threads take no new comments; absent: none. */
  closedPages?: readonly string[];
  /** Names anonymous readers may not take, besides the site's moderators'; absent: none. */
  reservedNames?: readonly string[];
  /** How long after posting a reader may edit (minutes, 0: never); absent: LIMITS.editWindowMinutesDefault. */
  editWindowMinutes?: number;
}

export interface SiteRegistry {
  get(id: string): SiteConfig | undefined;
  isOriginAllowed(siteId: string, origin: string | undefined): boolean;
  /** Every origin any site allows (for CORS on site-less routes). */
  anySiteAllows(origin: string | undefined): boolean;
  /** Adds origins to a site (the demo site learns the server's own origin once it listens). */
  allowOrigins(siteId: string, origins: string[]): void;
  list(): SiteConfig[];
}

/** `http://Example.com:80/` → `http://example.com`; anything unparsable → null. */
export function normalizeOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export function createSiteRegistry(sites: SiteConfig[]): SiteRegistry {
  const byId = new Map<string, { config: SiteConfig; origins: Set<string> }>();
  for (const site of sites) {
    const origins = new Set(site.origins.map(normalizeOrigin).filter((o): o is string => o !== null));
    byId.set(site.id, { config: { ...site, origins: [...origins] }, origins });
  }
  return {
    get: (id) => byId.get(id)?.config,
    isOriginAllowed(siteId, origin) {
      if (origin === undefined) return false;
      const normalized = normalizeOrigin(origin);
      return normalized !== null && (byId.get(siteId)?.origins.has(normalized) ?? false);
    },
    anySiteAllows(origin) {
      if (origin === undefined) return false;
      const normalized = normalizeOrigin(origin);
      if (normalized === null) return false;
      for (const entry of byId.values()) if (entry.origins.has(normalized)) return true;
      return false;
    },
    allowOrigins(siteId, origins) {
      const entry = byId.get(siteId);
      if (!entry) return;
      for (const o of origins) {
        const normalized = normalizeOrigin(o);
        if (normalized) entry.origins.add(normalized);
      }
      entry.config.origins = [...entry.origins];
    },
    list: () => [...byId.values()].map((e) => e.config),
  };
}

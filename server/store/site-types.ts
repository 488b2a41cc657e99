/**
 * The sites a server serves, kept in the comment store like the moderator accounts, so that
 * every server on one Redis (or the one server on a DATA_DIR, and the admin command beside it)
 * serves the same sites and picks up a change without a restart.
 */

/** Where a site's alerts (held and reported comments) go: a signed JSON POST (server/alerts/). */
export interface SiteAlertsRecord {
  webhook: { url: string; secret: string };
}

export interface SiteRecord {
  /** Lower-case letters, digits and dashes (SITE_ID_PATTERN); what `data-site` names. */
  id: string;
  name: string;
  /** Normalized page origins (`scheme://host[:port]`) the widget may run on. */
  origins: string[];
  /** Signs the site's SSO tokens (HS256): random, at least 32 bytes, base64url. */
  ssoSecret: string;
  /** Every new comment waits for a moderator. */
  preModerated: boolean;
  /** Pages whose threads take no new comments (shown closed; existing comments stay). */
  closedPages: string[];
  /**
   * Names anonymous readers may not post under (compared case- and accent-insensitively, look-alike
   * letters folded), besides the names of the site's moderators. Absent in records written before it: none.
   */
  reservedNames?: string[];
  /** How long after posting a reader may edit their comment; absent: LIMITS.editWindowMinutesDefault. 0: never. */
  editWindowMinutes?: number;
  /** The site's moderation policy JSON (moderation/README.md) as given, or null for the default. */
  moderation: unknown;
  alerts: SiteAlertsRecord | null;
  createdAt: number;
  updatedAt: number;
}

/** The fields an update may change; `updatedAt` always. */
export type SiteUpdate = Partial<
  Pick<
    SiteRecord,
    'name' | 'origins' | 'ssoSecret' | 'preModerated' | 'closedPages' | 'reservedNames' | 'editWindowMinutes' | 'moderation' | 'alerts'
  >
> & {
  updatedAt: number;
};

/** Sites; both stores implement it and site.contract.ts tests it once. */
export interface SiteDirectory {
  /** Creates the site; `false` when its id is taken (nothing written). */
  createSite(site: SiteRecord): Promise<boolean>;
  getSite(id: string): Promise<SiteRecord | null>;
  /** Every site, ordered by id. */
  listSites(): Promise<SiteRecord[]>;
  /** Changes the given fields; `false` when there is no such site. */
  updateSite(id: string, update: SiteUpdate): Promise<boolean>;
  /** Removes the site's record (its comments stay); `false` when there was none. */
  removeSite(id: string): Promise<boolean>;
}

/**
 * The sites this server serves, read from the store (decision 0019) and refreshed every few
 * seconds, so a site added, changed or removed with `npm run admin -- site …` (on any server of
 * one Redis, or beside the one on a DATA_DIR) takes effect without a restart. It is a
 * SiteRegistry, so the rest of the server reads sites as before; sites given here as `fixed`
 * (the demo) are served whether or not the store has them, and origins learnt at listen
 * (allowOrigins) survive every refresh.
 */
import { defaultPolicy, parsePolicy } from '../../moderation/index.ts';
import type { WebhookTarget } from '../alerts/webhook-dispatcher.ts';
import type { SiteModerationSettings } from '../comments/moderate.ts';
import type { SiteDirectory, SiteRecord } from '../store/site-types.ts';
import { createSiteRegistry, type SiteConfig, type SiteRegistry } from './site-registry.ts';

/** What one refresh changed, by site id (for the log). */
export interface SiteChanges {
  added: SiteConfig[];
  changed: SiteConfig[];
  removed: string[];
}

export interface StoredSites extends SiteRegistry {
  /** The site's own policy JSON and thread settings (for site-policies.ts); the same object until the site changes. */
  settingsOf(site: string): { json: unknown; settings: SiteModerationSettings } | undefined;
  /** Each site's alerts webhook, kept current by every refresh (for server/alerts/). */
  readonly webhooks: ReadonlyMap<string, WebhookTarget>;
  /** Reads every site from the store; what changed since the last refresh. */
  refresh(): Promise<SiteChanges>;
  /** Starts the periodic refresh; returns the stop function. */
  start(refreshMs: number, onError: (err: unknown) => void, onChanges?: (changes: SiteChanges) => void): () => void;
}

export interface StoredSitesDeps {
  store: Pick<SiteDirectory, 'listSites'>;
  /** Served whether or not the store has them; a stored site of the same id adds its origins. */
  fixed?: readonly SiteConfig[];
  /** A stored policy this version does not accept: the site moderates by the default meanwhile. */
  onBadPolicy?: (site: string, problems: string[]) => void;
}

interface Known {
  record: SiteRecord;
  own: { json: unknown; settings: SiteModerationSettings };
}

export function createStoredSites(deps: StoredSitesDeps): StoredSites {
  const fixed = deps.fixed ?? [];
  const learnt = new Map<string, Set<string>>();
  const known = new Map<string, Known>();
  const webhooks = new Map<string, WebhookTarget>();
  let registry: SiteRegistry = build();

  /** The registry for what is known now: fixed sites, stored ones over them, and the origins learnt at listen. */
  function build(): SiteRegistry {
    const merged = new Map<string, SiteConfig>(fixed.map((site) => [site.id, { ...site, origins: [...site.origins] }]));
    for (const { record } of known.values()) {
      const base = merged.get(record.id);
      merged.set(record.id, {
        id: record.id,
        name: record.name,
        origins: [...(base?.origins ?? []), ...record.origins],
        ssoSecret: record.ssoSecret,
        closedPages: record.closedPages,
        reservedNames: record.reservedNames ?? [],
        ...(record.editWindowMinutes !== undefined ? { editWindowMinutes: record.editWindowMinutes } : {}),
      });
    }
    const next = createSiteRegistry([...merged.values()]);
    for (const [site, origins] of learnt) next.allowOrigins(site, [...origins]);
    return next;
  }

  function ownSettings(record: SiteRecord): Known['own'] {
    const json = record.moderation ?? {};
    const parsed = parsePolicy(json);
    if (!parsed.ok)
      deps.onBadPolicy?.(
        record.id,
        parsed.errors.map((e) => `${e.path}: ${e.message}`),
      );
    return {
      json,
      settings: { policy: parsed.ok ? parsed.policy : defaultPolicy, preModerated: record.preModerated, closedPages: record.closedPages },
    };
  }

  const sites: StoredSites = {
    get: (id) => registry.get(id),
    isOriginAllowed: (siteId, origin) => registry.isOriginAllowed(siteId, origin),
    anySiteAllows: (origin) => registry.anySiteAllows(origin),
    allowOrigins(siteId, origins) {
      const set = learnt.get(siteId) ?? new Set<string>();
      for (const o of origins) set.add(o);
      learnt.set(siteId, set);
      registry.allowOrigins(siteId, origins);
    },
    list: () => registry.list(),
    settingsOf: (site) => known.get(site)?.own,
    webhooks,
    async refresh() {
      const records = await deps.store.listSites();
      const added: string[] = [];
      const changed: string[] = [];
      const removed: string[] = [];
      const seen = new Set<string>();
      for (const record of records) {
        seen.add(record.id);
        const before = known.get(record.id);
        if (before?.record.updatedAt === record.updatedAt) continue;
        known.set(record.id, { record, own: ownSettings(record) });
        if (record.alerts) webhooks.set(record.id, record.alerts.webhook);
        else webhooks.delete(record.id);
        (before ? changed : added).push(record.id);
      }
      for (const id of known.keys()) {
        if (seen.has(id)) continue;
        known.delete(id);
        webhooks.delete(id);
        removed.push(id);
      }
      if (added.length + changed.length + removed.length > 0) registry = build();
      // Every id added or changed is in the registry just built.
      const configOf = (id: string) => registry.get(id) ?? { id, name: id, origins: [] };
      return { added: added.map(configOf), changed: changed.map(configOf), removed };
    },
    start(refreshMs, onError, onChanges) {
      const timer = setInterval(() => {
        sites.refresh().then((changes) => onChanges?.(changes), onError);
      }, refreshMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
  return sites;
}

/**
 * Each site's moderation settings, as the post path reads them (synchronously, every post):
 * the policy a moderator saved in the console (kept in the store, so every server on one Redis
 * shares it) over the site's own (its record in the store, seeded from SITES_FILE), over the
 * default. A save takes effect on this server at once and on the others at their next refresh
 * (every `refreshMs`, 10 s by default). The site's thread settings (pre-moderation, closed
 * pages) always come from its record, as it is now.
 */
import { defaultPolicy, parsePolicy, type Policy, type PolicyError } from '../../moderation/index.ts';
import type { SiteModerationSettings } from '../comments/moderate.ts';
import type { CommentStore, SitePolicyRecord } from '../store/types.ts';

export interface SitePolicies {
  /** The settings in force; the file's (or the default) until a saved policy is loaded. */
  settingsFor(site: string): SiteModerationSettings;
  /** The saved record in force, or null when the site uses its file's policy (or the default). */
  savedFor(site: string): SitePolicyRecord | null;
  /** The policy JSON a moderator edits: the saved one, else the file's, else the default. */
  policyJsonFor(site: string): unknown;
  /** Validates and saves; on success the policy is in force here at once. */
  save(
    site: string,
    json: unknown,
    by: string,
    now: number,
  ): Promise<{ ok: true; record: SitePolicyRecord; policy: Policy } | { ok: false; errors: readonly PolicyError[] }>;
  /** Loads every known site's saved policy (at start, then every refreshMs). */
  refresh(): Promise<void>;
  /** Starts the periodic refresh; returns the stop function. */
  start(refreshMs?: number, onError?: (err: unknown) => void): () => void;
}

export interface SitePoliciesDeps {
  store: Pick<CommentStore, 'getSitePolicy' | 'setSitePolicy'>;
  /**
   * Per site: its own policy JSON as written and its thread settings (stored-sites.ts). The same
   * object until the site changes: the post path compiles a policy once per settings object.
   */
  fromFile: (site: string) => { json: unknown; settings: SiteModerationSettings } | undefined;
  /** Every site id to refresh. */
  sites: () => readonly string[];
}

const FALLBACK: SiteModerationSettings = { policy: defaultPolicy, preModerated: false, closedPages: [] };

export function createSitePolicies(deps: SitePoliciesDeps): SitePolicies {
  /** `settings` is the saved policy over `base`, made again (once) when the site's own settings change. */
  const saved = new Map<string, { record: SitePolicyRecord; policy: Policy; base: SiteModerationSettings; settings: SiteModerationSettings }>();

  const base = (site: string) => deps.fromFile(site)?.settings ?? FALLBACK;
  const keep = (site: string, record: SitePolicyRecord, policy: Policy) => {
    const own = base(site);
    saved.set(site, { record, policy, base: own, settings: { ...own, policy } });
  };
  const adopt = (site: string, record: SitePolicyRecord | null): void => {
    if (!record) {
      saved.delete(site);
      return;
    }
    if (saved.get(site)?.record.updatedAt === record.updatedAt) return;
    const parsed = parsePolicy(record.policy);
    // A stored policy was valid when saved; one a newer version no longer accepts is ignored, not fatal.
    if (!parsed.ok) return;
    keep(site, record, parsed.policy);
  };

  const policies: SitePolicies = {
    settingsFor(site) {
      const entry = saved.get(site);
      if (!entry) return base(site);
      if (entry.base !== base(site)) keep(site, entry.record, entry.policy);
      return saved.get(site)?.settings ?? base(site);
    },
    savedFor: (site) => saved.get(site)?.record ?? null,
    policyJsonFor: (site) => saved.get(site)?.record.policy ?? deps.fromFile(site)?.json ?? {},
    async save(site, json, by, now) {
      const parsed = parsePolicy(json);
      if (!parsed.ok) return { ok: false, errors: parsed.errors };
      const record: SitePolicyRecord = { policy: json, updatedAt: now, updatedBy: by };
      await deps.store.setSitePolicy(site, record);
      keep(site, record, parsed.policy);
      return { ok: true, record, policy: parsed.policy };
    },
    async refresh() {
      await Promise.all(deps.sites().map(async (site) => adopt(site, await deps.store.getSitePolicy(site))));
    },
    start(refreshMs = 10_000, onError = () => {}) {
      const timer = setInterval(() => void policies.refresh().catch(onError), refreshMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
  return policies;
}

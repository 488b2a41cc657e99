import { z } from 'zod';
import { defaultPolicy, parsePolicy, type Policy } from '../policy.ts';

/**
 * The part of a SITES_FILE the CLI reads: each site's id, moderation policy and pre-moderation.
 * A mirror of server/main.ts's schema (moderation/ must not import the server), loose on
 * purpose: the server checks the rest of each site when it starts.
 */
const sitesFileSchema = z.object({
  sites: z.array(
    z.object({
      id: z.string(),
      moderation: z.unknown().optional(),
      preModerated: z.boolean().default(false),
    }),
  ),
});

/** A site's moderation settings as the live server would apply them. */
export interface SiteModeration {
  readonly policy: Policy;
  readonly preModerated: boolean;
}

/** The site's settings, or every problem found, each a line naming the path in the file. */
export type SiteModerationResult = { readonly ok: true; readonly site: SiteModeration } | { readonly ok: false; readonly errors: readonly string[] };

/** True when `json` is shaped like a sites file rather than a bare policy (a policy has no `sites` key). */
export function looksLikeSitesFile(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'sites' in json;
}

/**
 * Picks site `siteId` from a parsed SITES_FILE and validates its `moderation` object with
 * parsePolicy, reporting every error; a site without one gets the default policy, as on the server.
 * When an id appears twice the last entry wins, as on the server.
 */
export function siteModerationOf(json: unknown, siteId: string): SiteModerationResult {
  const parsed = sitesFileSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`) };
  }
  const { sites } = parsed.data;
  const index = sites.findLastIndex((s) => s.id === siteId);
  const site = sites[index];
  if (site === undefined) {
    const ids = [...new Set(sites.map((s) => s.id))];
    return {
      ok: false,
      errors: [ids.length === 0 ? `no site "${siteId}": the file lists no sites` : `no site "${siteId}"; the sites are: ${ids.join(', ')}`],
    };
  }
  if (site.moderation === undefined) return { ok: true, site: { policy: defaultPolicy, preModerated: site.preModerated } };
  const policy = parsePolicy(site.moderation);
  if (!policy.ok)
    return { ok: false, errors: policy.errors.map((e) => `sites.${index}.moderation${e.path === '(root)' ? '' : `.${e.path}`}: ${e.message}`) };
  return { ok: true, site: { policy: policy.policy, preModerated: site.preModerated } };
}

/**
 * SITES_FILE, the start-up seed of the site directory (decision 0019): parsed with every
 * problem found at once — shape, origins without a scheme, bad moderation policies, duplicate
 * ids — so an operator fixes the file in one round. A field the file leaves out is absent
 * here (not defaulted), so seeding an existing site changes only what the file says.
 */
import { z } from 'zod';
import { parsePolicy } from '../../moderation/index.ts';
import { LIMITS, SITE_ID_PATTERN } from '../../protocol/limits.ts';
import type { SiteAlertsRecord } from '../store/site-types.ts';
import { EDIT_WINDOW_MAX_MINUTES } from './reader-settings.ts';
import { parseSiteOrigin } from './site-origin.ts';

/** One site as the file gives it; origins normalized, the policy already checked. */
export interface SeedSite {
  id: string;
  name: string;
  origins?: string[];
  preModerated?: boolean;
  closedPages?: string[];
  reservedNames?: string[];
  editWindowMinutes?: number;
  /** The policy JSON as written (valid). */
  moderation?: unknown;
  alerts?: SiteAlertsRecord;
}

export type SitesFileResult = { ok: true; sites: SeedSite[] } | { ok: false; errors: string[] };

const origin = z.string().transform((text, ctx) => {
  const parsed = parseSiteOrigin(text);
  if (parsed.ok) return parsed.origin;
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
});

const policy = z.unknown().superRefine((json, ctx) => {
  const parsed = parsePolicy(json);
  if (!parsed.ok) for (const e of parsed.errors) ctx.addIssue({ code: 'custom', message: e.message, path: e.path === '' ? [] : e.path.split('.') });
});

const siteSchema = z.object({
  id: z.string().regex(SITE_ID_PATTERN, 'must be lower-case letters, digits and dashes (at most 40)'),
  name: z.string().min(1).max(120),
  origins: z.array(origin).optional(),
  /** The site's moderation policy (moderation/README.md); the default when absent. */
  moderation: policy.optional(),
  preModerated: z.boolean().optional(),
  closedPages: z.array(z.string()).optional(),
  /** Names anonymous readers may not take, besides the moderators'. */
  reservedNames: z
    .array(z.string().trim().min(1).max(LIMITS.nameMax))
    .max(LIMITS.reservedNamesMax, `must hold at most ${LIMITS.reservedNamesMax} names`)
    .optional(),
  /** Minutes a reader may edit a comment after posting it; 0: never. */
  editWindowMinutes: z.number().int().min(0).max(EDIT_WINDOW_MAX_MINUTES).optional(),
  /** Where the site's alerts (held comments) go: a signed JSON POST, see server/alerts/. */
  alerts: z
    .strictObject({
      webhook: z.strictObject({
        url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }),
        secret: z.string().min(32, 'must be at least 32 characters'),
      }),
    })
    .optional(),
});

const fileSchema = z.object({ sites: z.array(z.unknown()) });

/** Parses the file's text; `file` names it in every message. */
export function parseSitesFile(text: string, file: string): SitesFileResult {
  const problem = (path: string, message: string) => `SITES_FILE ${file}: ${path === '' ? '' : `${path}: `}${message}`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [problem('', `is not JSON (${err instanceof Error ? err.message : String(err)})`)] };
  }
  const top = fileSchema.safeParse(json);
  if (!top.success) return { ok: false, errors: top.error.issues.map((i) => problem(i.path.join('.'), i.message)) };

  const errors: string[] = [];
  const sites: SeedSite[] = [];
  const firstWithId = new Map<string, number>();
  top.data.sites.forEach((raw, index) => {
    const entry = siteSchema.safeParse(raw);
    if (!entry.success) for (const i of entry.error.issues) errors.push(problem(['sites', index, ...i.path].join('.'), i.message));
    // Read apart from the schema, so a duplicate is reported even beside other problems of the entry.
    const id = typeof raw === 'object' && raw !== null && 'id' in raw ? raw.id : undefined;
    if (typeof id === 'string') {
      const first = firstWithId.get(id);
      if (first === undefined) firstWithId.set(id, index);
      else errors.push(problem(`sites.${index}.id`, `"${id}" is already the id of sites.${first}`));
    }
    if (entry.success) sites.push(withoutUndefined({ ...entry.data, ...(entry.data.origins ? { origins: [...new Set(entry.data.origins)] } : {}) }));
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, sites };
}

function withoutUndefined(site: z.infer<typeof siteSchema>): SeedSite {
  return Object.fromEntries(Object.entries(site).filter(([, value]) => value !== undefined)) as unknown as SeedSite;
}

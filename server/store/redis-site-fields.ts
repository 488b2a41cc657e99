/**
 * A site as the Redis store keeps it: one hash field per SiteRecord field, each holding the
 * field's JSON, so an update writes only what it changes and a policy's JSON comes back as given.
 */
import type { SiteRecord, SiteUpdate } from './site-types.ts';

const FIELDS = ['id', 'name', 'origins', 'ssoSecret', 'preModerated', 'closedPages', 'moderation', 'alerts', 'createdAt', 'updatedAt'] as const;

/** The whole record as the field/value pairs of its hash. */
export function siteFields(site: SiteRecord): string[] {
  return FIELDS.flatMap((field) => [field, JSON.stringify(site[field] ?? null)]);
}

/** The fields an update gives (the undefined ones left out) as field/value pairs. */
export function siteUpdateFields(update: SiteUpdate): string[] {
  return Object.entries(update).flatMap(([field, value]) => (value === undefined ? [] : [field, JSON.stringify(value)]));
}

/** Written by the store from a typed record (siteFields), so read back as such; null when absent or torn. */
export function siteFromHash(raw: Record<string, string>): SiteRecord | null {
  const values: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const json = raw[field];
    if (json === undefined) return null;
    values[field] = JSON.parse(json);
  }
  return values as unknown as SiteRecord;
}

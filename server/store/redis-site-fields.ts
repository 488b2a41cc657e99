/**
 * A site as the Redis store keeps it: one hash field per SiteRecord field, each holding the
 * field's JSON, so an update writes only what it changes and a policy's JSON comes back as given.
 */
import type { SiteRecord, SiteUpdate } from './site-types.ts';

const FIELDS = ['id', 'name', 'origins', 'ssoSecret', 'preModerated', 'closedPages', 'moderation', 'alerts', 'createdAt', 'updatedAt'] as const;
/** Fields a record may lack (and records written before them do): absent from the hash, absent from the record. */
const OPTIONAL_FIELDS = ['reservedNames', 'editWindowMinutes'] as const;

/** The whole record as the field/value pairs of its hash. */
export function siteFields(site: SiteRecord): string[] {
  return [
    ...FIELDS.flatMap((field) => [field, JSON.stringify(site[field] ?? null)]),
    ...OPTIONAL_FIELDS.flatMap((field) => (site[field] === undefined ? [] : [field, JSON.stringify(site[field])])),
  ];
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
  for (const field of OPTIONAL_FIELDS) {
    const json = raw[field];
    const value: unknown = json === undefined ? null : JSON.parse(json);
    if (value !== null) values[field] = value;
  }
  return values as unknown as SiteRecord;
}

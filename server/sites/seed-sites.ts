/**
 * SITES_FILE as a start-up seed of the site directory (decision 0019): a site the store does not
 * have is created (with a new SSO secret); one it has takes every field the file gives, the file
 * winning, and keeps the rest (its secret, and origins added with `npm run admin` when the file
 * names none). A site already as the file says is not written, so a restart changes nothing.
 */
import type { SiteDirectory, SiteRecord, SiteUpdate } from '../store/site-types.ts';
import type { SeedSite } from './sites-file.ts';

export interface SeedDeps {
  store: Pick<SiteDirectory, 'getSite' | 'createSite' | 'updateSite'>;
  clock: () => number;
  newSecret: () => string;
}

/** Which sites the seed created and which it changed. */
export async function seedSites(seeds: readonly SeedSite[], deps: SeedDeps): Promise<{ created: string[]; updated: string[] }> {
  const created: string[] = [];
  const updated: string[] = [];
  for (const seed of seeds) {
    const now = deps.clock();
    const existing = await deps.store.getSite(seed.id);
    if (!existing) {
      const site: SiteRecord = {
        id: seed.id,
        name: seed.name,
        origins: seed.origins ?? [],
        ssoSecret: deps.newSecret(),
        preModerated: seed.preModerated ?? false,
        closedPages: seed.closedPages ?? [],
        reservedNames: seed.reservedNames ?? [],
        ...(seed.editWindowMinutes === undefined ? {} : { editWindowMinutes: seed.editWindowMinutes }),
        moderation: seed.moderation ?? null,
        alerts: seed.alerts ?? null,
        createdAt: now,
        updatedAt: now,
      };
      if (await deps.store.createSite(site)) {
        created.push(seed.id);
        continue;
      }
      // Created meanwhile (another server seeding the same file): updated below like any other.
    }
    const current = existing ?? (await deps.store.getSite(seed.id));
    const update = changesFrom(seed, current);
    if (update && (await deps.store.updateSite(seed.id, { ...update, updatedAt: now }))) updated.push(seed.id);
  }
  return { created, updated };
}

/** The fields the file gives that differ from the stored site; null when none does. */
function changesFrom(seed: SeedSite, current: SiteRecord | null): Omit<SiteUpdate, 'updatedAt'> | null {
  const given: Omit<SiteUpdate, 'updatedAt'> = {
    name: seed.name,
    ...(seed.origins === undefined ? {} : { origins: seed.origins }),
    ...(seed.preModerated === undefined ? {} : { preModerated: seed.preModerated }),
    ...(seed.closedPages === undefined ? {} : { closedPages: seed.closedPages }),
    ...(seed.reservedNames === undefined ? {} : { reservedNames: seed.reservedNames }),
    ...(seed.editWindowMinutes === undefined ? {} : { editWindowMinutes: seed.editWindowMinutes }),
    ...(seed.moderation === undefined ? {} : { moderation: seed.moderation }),
    ...(seed.alerts === undefined ? {} : { alerts: seed.alerts }),
  };
  if (!current) return given;
  const differs = Object.entries(given).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(current[field as keyof SiteRecord]));
  return differs.length === 0 ? null : Object.fromEntries(differs);
}

/**
 * Names anonymous readers may not post under on a site (decision 0021): its moderators' (their
 * account name, or their email's local part when they set none) and the site's reservedNames.
 * Compared after the moderation engine's own normalizer (case, accents, look-alike letters,
 * leetspeak) and without spaces or punctuation, so "ADMIN", "Ädmin", "Аdmin" with a Cyrillic A
 * and "ad-min" are all the moderator "Admin". The accounts are read at most every `ttlMs`: a
 * new moderator's name is reserved within seconds, and a post costs no account scan.
 */
import { normalize } from '../../moderation/index.ts';
import { moderatorName } from '../identity/reader-identity.ts';
import { mayModerate } from '../moderators/moderator-auth.ts';
import type { ModeratorDirectory } from '../store/moderator-types.ts';

export interface ReservedNames {
  isReserved(site: string, name: string): Promise<boolean>;
}

/** The key two names that look the same share. */
export function nameKey(name: string): string {
  return normalize(name).text.replace(/[^\p{L}\p{N}]+/gu, '');
}

export function createReservedNames(deps: {
  store: Pick<ModeratorDirectory, 'listModerators'>;
  /** The site's own reserved names (its record's reservedNames). */
  reservedNamesOf: (site: string) => readonly string[];
  clock: () => number;
  ttlMs?: number;
}): ReservedNames {
  const ttlMs = deps.ttlMs ?? 10_000;
  let cached: { at: number; moderators: Promise<{ key: string; sites: (site: string) => boolean }[]> } | null = null;
  const moderators = () => {
    const now = deps.clock();
    if (!cached || now - cached.at >= ttlMs) {
      const read = deps.store
        .listModerators()
        .then((accounts) =>
          accounts.map((account) => ({ key: nameKey(moderatorName(account)), sites: (site: string) => mayModerate(account, site) })),
        );
      // A failed read is not kept: the next post reads again.
      read.catch(() => {
        if (cached?.moderators === read) cached = null;
      });
      cached = { at: now, moderators: read };
    }
    return cached.moderators;
  };
  return {
    async isReserved(site, name) {
      const key = nameKey(name);
      if (key === '') return false;
      if (deps.reservedNamesOf(site).some((reserved) => nameKey(reserved) === key)) return true;
      return (await moderators()).some((m) => m.key === key && m.sites(site));
    },
  };
}

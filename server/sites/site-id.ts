/**
 * A site's id from its name, when the owner gives none: lower-case letters, digits and dashes,
 * as SITE_ID_PATTERN wants ("Situs Energi" → "situs-energi", "Berita Ñusantara!" → "berita-nusantara").
 */
import { SITE_ID_PATTERN } from '../../protocol/limits.ts';

/** The id, or null when the name has no letter or digit to make one of. */
export function siteIdFromName(name: string): string | null {
  const id = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
  return SITE_ID_PATTERN.test(id) ? id : null;
}

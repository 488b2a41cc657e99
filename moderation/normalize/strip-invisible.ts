import { mapNonAscii, type Mapped } from './mapped.ts';

const invisible = /^[\p{Default_Ignorable_Code_Point}\p{Cf}]$/u;

/** Removes zero-width and other invisible characters (ZWSP, ZWJ, soft hyphen, BOM, bidi and tag characters). */
export function stripInvisible(m: Mapped): Mapped {
  return mapNonAscii(m, (cp) => (invisible.test(cp) ? '' : undefined));
}

import { mapNonAscii, type Mapped } from './mapped.ts';

// NFKC of one code point never changes between calls, so it is memoised; the cache is not observable.
const cache = new Map<string, string>();

/**
 * Unicode NFKC, one code point at a time so every output character keeps its origin.
 * Compatibility forms (fullwidth, ligatures, superscripts, circled and mathematical letters) become
 * plain letters. Combining sequences are not composed here; {@link stripMarks} removes the marks anyway.
 */
export function nfkc(m: Mapped): Mapped {
  return mapNonAscii(m, (cp) => {
    let out = cache.get(cp);
    if (out === undefined) {
      out = cp.normalize('NFKC');
      cache.set(cp, out);
    }
    return out;
  });
}

/**
 * Content negotiation for precompressed files: which of the encodings we have does the
 * client's Accept-Encoding prefer (RFC 9110 §12.5.3)? A pure function and a table test
 * rather than `negotiator`: that is all we need, its types are not installed, and ties must
 * go our way (brotli is smaller than gzip), not the header's order.
 */

export const ENCODINGS = ['br', 'gzip', 'identity'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** q-values by coding name, lower-cased; `x-gzip` counts as `gzip` (RFC 9110 §8.4.1.3). */
function parseAcceptEncoding(header: string): Map<string, number> {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [rawName = '', ...params] = part.split(';');
    const name = rawName.trim().toLowerCase();
    if (name === '') continue;
    let q = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*(.*?)\s*$/i.exec(param);
      if (!match) continue;
      // RFC 9110 qvalue; a malformed weight makes the entry mean nothing, rather than guessing.
      q = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(match[1] ?? '') ? Number(match[1]) : Number.NaN;
    }
    if (Number.isNaN(q)) continue;
    weights.set(name === 'x-gzip' ? 'gzip' : name, q);
  }
  return weights;
}

/**
 * The encoding to send, among `available` (in our order of preference): the highest
 * q-value wins, ties go to the earlier one. No header means identity (what curl and old
 * clients mean by saying nothing); identity is acceptable unless the header refuses it, and
 * when nothing acceptable is available identity is sent anyway (RFC 9110 allows it, and a
 * 406 for a script tag helps nobody).
 */
export function chooseEncoding(header: string | undefined, available: readonly Encoding[] = ENCODINGS): Encoding {
  if (header === undefined) return 'identity';
  const weights = parseAcceptEncoding(header);
  const star = weights.get('*');
  // Identity, when the header does not name it, is acceptable but never preferred over a
  // coding the client did name: it gets the lowest weight named (negotiator does the same).
  const named = [...weights.values()].filter((q) => q > 0);
  const implicitIdentity = named.length > 0 ? Math.min(...named) : 1;
  let best: Encoding = 'identity';
  let bestQ = 0;
  for (const encoding of available) {
    const q = weights.get(encoding) ?? star ?? (encoding === 'identity' ? implicitIdentity : 0);
    if (q > bestQ) {
      best = encoding;
      bestQ = q;
    }
  }
  return best;
}

import { mapNonAscii, type Mapped } from './mapped.ts';

const mark = /\p{M}/gu;
const isMark = /^\p{M}$/u;
const cache = new Map<string, string>();

/** Removes accents and other combining marks: "é" and "e\u0301" both become "e". */
export function stripMarks(m: Mapped): Mapped {
  return mapNonAscii(
    m,
    (cp) => {
      let out = cache.get(cp);
      if (out === undefined) {
        out = cp.normalize('NFD').replace(mark, '');
        cache.set(cp, out);
      }
      return out;
    },
    (cp) => isMark.test(cp),
  );
}

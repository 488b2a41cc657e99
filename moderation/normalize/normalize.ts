import { foldCase } from './fold-case.ts';
import { mapLeetspeak } from './leetspeak.ts';
import { mapLookalikes } from './lookalikes.ts';
import { fromOriginal, isAscii, type Mapped } from './mapped.ts';
import { nfkc } from './nfkc.ts';
import { rejoinSeparated } from './rejoin-separated.ts';
import { squashStretched } from './squash-stretched.ts';
import { stripInvisible } from './strip-invisible.ts';
import { stripMarks } from './strip-marks.ts';

/**
 * Runs every normalization step in order and keeps the map to the original offsets:
 * NFKC, invisible characters, case, marks, look-alikes, leetspeak, separated letters, stretches.
 */
export function normalize(text: string): Mapped {
  let m = fromOriginal(text);
  if (!isAscii(text)) {
    m = nfkc(m);
    m = stripInvisible(m);
    m = foldCase(m);
    m = stripMarks(m);
    m = mapLookalikes(m);
  } else {
    // ASCII keeps its length when lower-cased, so the identity map stays (foldCase would scan for ASCII again).
    const lower = text.toLowerCase();
    if (lower !== text) m = { text: lower, starts: null, ends: null };
  }
  m = mapLeetspeak(m);
  m = rejoinSeparated(m);
  m = squashStretched(m);
  return m;
}

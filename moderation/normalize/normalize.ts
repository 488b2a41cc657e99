import { foldCase } from './fold-case.ts';
import { isLeet, mapLeetspeak } from './leetspeak.ts';
import { mapLookalikes } from './lookalikes.ts';
import { fromOriginal, type Mapped } from './mapped.ts';
import { nfkc } from './nfkc.ts';
import { isSeparator, rejoinSeparated } from './rejoin-separated.ts';
import { squashStretched } from './squash-stretched.ts';
import { stripInvisible } from './strip-invisible.ts';
import { stripMarks } from './strip-marks.ts';

/**
 * Runs every normalization step in order and keeps the map to the original offsets:
 * NFKC, invisible characters, case, marks, look-alikes, leetspeak, separated letters, stretches.
 */
export function normalize(text: string): Mapped {
  const survey = surveyAscii(text);
  if (survey === NOT_ASCII) {
    let m = fromOriginal(text);
    m = nfkc(m);
    m = stripInvisible(m);
    m = foldCase(m);
    m = stripMarks(m);
    m = mapLookalikes(m);
    // The steps so far often leave ASCII only (fullwidth or look-alike letters, accents, invisible
    // characters removed): the same survey then spares the last steps their own passes.
    const rest = surveyAscii(m.text);
    if (rest === NOT_ASCII) return squashStretched(rejoinSeparated(mapLeetspeak(m)));
    return finishAscii(m, rest);
  }
  // ASCII text is already NFKC, visible, unaccented and Latin, and keeps its length when
  // lower-cased, so the identity map stays.
  return finishAscii((survey & UPPER) !== 0 ? { text: text.toLowerCase(), starts: null, ends: null } : fromOriginal(text), survey);
}

// Leetspeak, separated letters and stretches for lower-case ASCII text with its survey. The
// survey's facts hold while no step has changed the text; a step that does change it sends the
// next ones to their own checks.
function finishAscii(m: Mapped, survey: number): Mapped {
  const leet = (survey & LEET) !== 0 ? mapLeetspeak(m) : m;
  if (leet !== m) return squashStretched(rejoinSeparated(leet));
  const rejoined = (survey & SINGLES) !== 0 ? rejoinSeparated(m) : m;
  if (rejoined !== m) return squashStretched(rejoined);
  return (survey & TRIPLE) !== 0 ? squashStretched(m) : m;
}

/** `surveyAscii`'s answer for text with a non-ASCII character: every step runs. */
const NOT_ASCII = -1;
/** An upper-case letter: the text needs lower-casing. */
const UPPER = 1;
/** A leetspeak character: the leetspeak step needs its own pass. */
const LEET = 2;
/** Three one-letter pieces in a row, one to three separators apart: letters to rejoin. */
const SINGLES = 4;
/** A letter three times in a row (after lower-casing): a stretch to squash. */
const TRIPLE = 8;

// Character classes for the survey, ASCII only.
const LETTER = 1;
const DIGIT = 2;
const SEPARATOR = 4;
const UPPER_CASE = 8;
const LEET_CHAR = 16;
const classes = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const upper = c >= 65 && c <= 90;
  const letter = upper || (c >= 97 && c <= 122);
  classes[c] =
    (letter ? LETTER : 0) |
    (c >= 48 && c <= 57 ? DIGIT : 0) |
    (isSeparator(c) ? SEPARATOR : 0) |
    (upper ? UPPER_CASE : 0) |
    (isLeet(c) ? LEET_CHAR : 0);
}

/**
 * One pass that tells which ASCII steps could change the text (UPPER, LEET, SINGLES, TRIPLE), so a
 * comment without leetspeak, separated letters or stretches is read once instead of once a step.
 * Each flag is a necessary condition of its step changing something: SINGLES is the separated
 * letters step's own three-pieces test, read from left to right; TRIPLE asks for a letter, the only
 * run the stretch step squashes.
 */
function surveyAscii(text: string): number {
  let flags = 0;
  // Lone letters chained so far, one to three separators apart, and the separators since the last.
  let chain = 0;
  let seps = 0;
  // A letter after a non-alphanumeric character: lone if the next character is not alphanumeric.
  let pending = false;
  let prevAlnum = false;
  let last = -1;
  let beforeLast = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Short paths for the commonest characters, each doing what the full path below would.
    if (c >= 97 && c <= 122) {
      if (prevAlnum) {
        // A lower-case letter inside a word, which ends any chain of lone letters.
        pending = false;
        chain = 0;
        if (c === last && c === beforeLast) flags |= TRIPLE;
      } else {
        // The first letter of a word: lone if the next character is not alphanumeric. (The
        // character before, not alphanumeric, settled any earlier pending letter.)
        pending = true;
        prevAlnum = true;
      }
      beforeLast = last;
      last = c;
      continue;
    }
    if (c === 32 && !pending) {
      // A space after a word of two or more letters or after punctuation.
      seps++;
      prevAlnum = false;
      beforeLast = -1;
      last = -1;
      continue;
    }
    if (c > 0x7f) return NOT_ASCII;
    const k = classes[c] ?? 0;
    const alnum = (k & (LETTER | DIGIT)) !== 0;
    if (pending) {
      pending = false;
      if (alnum) chain = 0;
      else {
        chain = chain > 0 && seps >= 1 && seps <= 3 ? chain + 1 : 1;
        seps = 0;
        if (chain >= 3) flags |= SINGLES;
      }
    }
    if ((k & LETTER) !== 0) {
      if (!prevAlnum) pending = true;
      else chain = 0;
      if ((k & UPPER_CASE) !== 0) flags |= UPPER;
      const lower = c | 0x20;
      if (lower === last && lower === beforeLast) flags |= TRIPLE;
      beforeLast = last;
      last = lower;
    } else {
      if ((k & SEPARATOR) !== 0) seps++;
      else chain = 0;
      if ((k & LEET_CHAR) !== 0) flags |= LEET;
      beforeLast = -1;
      last = -1;
    }
    prevAlnum = alnum;
  }
  if (pending && (chain > 0 && seps >= 1 && seps <= 3 ? chain + 1 : 1) >= 3) flags |= SINGLES;
  return flags;
}

import { isAscii, mapNonAscii, type Mapped } from './mapped.ts';

/** Lower-cases the text. ASCII keeps its length, so the map is reused as is. */
export function foldCase(m: Mapped): Mapped {
  if (isAscii(m.text)) {
    const lower = m.text.toLowerCase();
    return lower === m.text ? m : { text: lower, starts: m.starts, ends: m.ends };
  }
  const asciiLowered = lowerAsciiOnly(m);
  return mapNonAscii(asciiLowered, (cp) => cp.toLowerCase());
}

function lowerAsciiOnly(m: Mapped): Mapped {
  // Lower-casing only A-Z keeps the length; non-ASCII goes through mapNonAscii with its own map.
  const text = m.text.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  return text === m.text ? m : { text, starts: m.starts, ends: m.ends };
}

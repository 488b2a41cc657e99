/**
 * The comment text cut into plain and marked pieces, from the spans every reason matched, so
 * the view can wrap the marked ones in `<mark>` as text nodes (never HTML). Spans arrive as
 * UTF-16 offsets into the original text, from several rules, and may overlap, touch, run past
 * the end or cut a surrogate pair in two; the pieces never do.
 */

export interface Span {
  start: number;
  end: number;
}

export interface TextPiece {
  text: string;
  marked: boolean;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** A start between the two halves of a surrogate pair moves to the pair's start. */
function startSnap(text: string, offset: number): number {
  const clamped = Math.min(Math.max(0, Math.trunc(offset)), text.length);
  return clamped > 0 && clamped < text.length && isLowSurrogate(text.charCodeAt(clamped)) ? clamped - 1 : clamped;
}

/** Sorted, merged, in-range spans: overlapping or touching spans become one. */
export function mergeSpans(text: string, spans: readonly Span[]): Span[] {
  const ranges = spans
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end))
    .map((s) => ({ start: startSnap(text, s.start), end: endSnap(text, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of ranges) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** An end inside a surrogate pair takes the whole pair, so the marked letter stays one letter. */
function endSnap(text: string, offset: number): number {
  const clamped = Math.min(Math.max(0, Math.trunc(offset)), text.length);
  return clamped > 0 && clamped < text.length && isLowSurrogate(text.charCodeAt(clamped)) ? clamped + 1 : clamped;
}

/** The text as alternating plain and marked pieces; their texts joined are the text again. */
export function highlightPieces(text: string, spans: readonly Span[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const span of mergeSpans(text, spans)) {
    if (span.start > at) pieces.push({ text: text.slice(at, span.start), marked: false });
    pieces.push({ text: text.slice(span.start, span.end), marked: true });
    at = span.end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}

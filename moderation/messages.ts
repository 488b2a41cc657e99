import type { Message } from './types.ts';

/** Formats a duration for people, in both languages: "2 minutes" / "2 menit". */
export function formatDuration(ms: number): Message {
  const s = Math.max(1, Math.ceil(ms / 1000));
  if (s < 60) return { en: `${s} second${s === 1 ? '' : 's'}`, id: `${s} detik` };
  const m = Math.ceil(s / 60);
  if (m < 60) return { en: `${m} minute${m === 1 ? '' : 's'}`, id: `${m} menit` };
  const h = Math.ceil(m / 60);
  if (h < 48) return { en: `${h} hour${h === 1 ? '' : 's'}`, id: `${h} jam` };
  const d = Math.ceil(h / 24);
  return { en: `${d} days`, id: `${d} hari` };
}

/** Quotes up to three found terms for a message. */
export function quoteTerms(terms: readonly string[]): string {
  if (terms.length === 1) return `"${terms[0] ?? ''}"`;
  const unique = [...new Set(terms)];
  const shown = unique.slice(0, 3).map((t) => `"${t}"`);
  return unique.length > 3 ? `${shown.join(', ')}, …` : shown.join(', ');
}

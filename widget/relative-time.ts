/**
 * "5 minutes ago" / "5 menit yang lalu" through Intl.RelativeTimeFormat. The clock is passed in
 * (`now`), so the element decides when to refresh and tests need no fake timers.
 */
import type { Lang } from './i18n.ts';

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 60 * 60_000],
  ['month', 30 * 24 * 60 * 60_000],
  ['week', 7 * 24 * 60 * 60_000],
  ['day', 24 * 60 * 60_000],
  ['hour', 60 * 60_000],
  ['minute', 60_000],
];

const formatters = new Map<Lang, Intl.RelativeTimeFormat>();

function formatter(lang: Lang): Intl.RelativeTimeFormat {
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    formatters.set(lang, f);
  }
  return f;
}

/**
 * A short relative time for `then` seen from `now`, both in epoch milliseconds. Under a
 * minute (or slightly in the future, from clock skew) it is `justNow`.
 */
export function formatRelativeTime(then: number, now: number, lang: Lang, justNow: string): string {
  const elapsed = now - then;
  if (elapsed < 60_000) return justNow;
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms) return formatter(lang).format(-Math.floor(elapsed / ms), unit);
  }
  return justNow;
}

/** The full date and time, for the tooltip and the `datetime` attribute's human twin. */
export function formatAbsoluteTime(then: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(then);
}

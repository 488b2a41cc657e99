/**
 * A page origin as a site owner writes it (SITES_FILE, `npm run admin -- site …`), checked
 * before it is kept: one without a scheme ("situsenergi.com") is an error naming it, never
 * silently dropped, since a site whose only origin vanished refuses every reader.
 */
import { normalizeOrigin } from './site-registry.ts';

export type OriginResult = { ok: true; origin: string } | { ok: false; message: string };

/** `https://Example.com:443/path` → `https://example.com`; anything but an http(s) URL is an error saying what to write. */
export function parseSiteOrigin(text: string): OriginResult {
  const trimmed = text.trim();
  const origin = /^https?:\/\//i.test(trimmed) ? normalizeOrigin(trimmed) : null;
  if (origin !== null) return { ok: true, origin };
  if (trimmed !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    return { ok: false, message: `"${text}" is not an origin: give its scheme, e.g. https://${trimmed.replace(/^\/+/, '')}` };
  }
  return { ok: false, message: `"${text}" is not an origin: an origin is http:// or https:// and a host, e.g. https://www.example.com` };
}

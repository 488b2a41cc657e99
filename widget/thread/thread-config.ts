/**
 * Where a `<rembuk-thread>` connects and which thread it shows. The embed script sets the
 * defaults from its own `<script>` tag; element attributes override them.
 */
export interface ThreadConfig {
  /** Origin of the Rembuk server (scheme, host, port). */
  server: string;
  site: string;
  page: string;
  /** The host page's SSO token (a JWT) for the handshake, if it passed one. */
  sso?: string;
}

export interface EmbedDefaults {
  server?: string;
  site?: string;
}

let defaults: EmbedDefaults = {};

/** Called once by embed.ts with what its script tag says. */
export function setEmbedDefaults(next: EmbedDefaults): void {
  defaults = { ...next };
}

export function embedDefaults(): Readonly<EmbedDefaults> {
  return defaults;
}

/** Characters a page id may not carry (PAGE_ID_PATTERN), percent-encoded: a URL path may keep `[`, `]`, `|` or `^` raw. */
const NOT_IN_PAGE_ID = /[^A-Za-z0-9._~\-/:%+@!$&'()*,;=]/g;

/**
 * The page id when the element names none: the page's `<link rel="canonical">` URL (so the
 * translations and URL variants of one article share a thread), else the location's; origin and
 * path only, since a query or fragment (tracking tags, a comment anchor) does not make another
 * article. One over 200 characters the server refuses (and the widget says so): such a page must name its thread.
 */
export function defaultPageId(doc: Document): string {
  let url: URL = new URL(doc.location.href);
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.getAttribute('href');
  if (canonical) {
    try {
      const link = new URL(canonical, doc.baseURI);
      if (/^https?:$/.test(link.protocol)) url = link;
    } catch {
      // A malformed canonical link is the page's problem; the location still identifies it.
    }
  }
  return `${url.origin}${url.pathname}`.replace(NOT_IN_PAGE_ID, (c) => encodeURIComponent(c));
}

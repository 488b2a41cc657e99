/**
 * Where a `<rembuk-thread>` connects and which thread it shows. The embed script sets the
 * defaults from its own `<script>` tag; element attributes override them.
 */
export interface ThreadConfig {
  /** Origin of the Rembuk server (scheme, host, port). */
  server: string;
  site: string;
  page: string;
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

/**
 * The page id when the element names none: the path of `<link rel="canonical">` (so the
 * translations and URL variants of one article share a thread), else the location's path.
 */
export function defaultPageId(doc: Document): string {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]');
  if (canonical?.href) {
    try {
      return new URL(canonical.href, doc.baseURI).pathname;
    } catch {
      // A malformed canonical link is the page's problem; the location still identifies it.
    }
  }
  return doc.location.pathname;
}

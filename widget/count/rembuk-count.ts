/**
 * `<rembuk-count page="…" site="…" server="…">`: a thread's published-comment count as text
 * ("12 komentar", "12 comments"), for bylines and article lists. A plain custom element, no
 * Lit and no socket, so that dist/count.js stays within 3 KB gzip; it renders into its light
 * DOM, so it takes the page's own font and colour. What the page put inside it shows until
 * the first count arrives (and stays if the server cannot be reached).
 *
 * `page` defaults to the page's canonical path, as `<rembuk-thread>`'s; `site` and `server`
 * default to what the script tag that defined the element says (count.ts, embed.ts).
 */
import { resolveLang } from '../i18n.ts';
import { defaultPageId } from '../thread/thread-config.ts';
import { countText } from './count-text.ts';
import { createCountRegistry, type CountRegistry, type CountTarget } from './count-registry.ts';

/** Where the counts come from when the element does not say. */
export interface CountDefaults {
  server: string;
  site?: string;
}

let defaults: CountDefaults = { server: '' };
let registry: CountRegistry | null = null;

// Made on first use, not on import: importing the module must not touch the document.
function pageRegistry(): CountRegistry {
  registry ??= createCountRegistry({
    fetch: (url) => fetch(url, { credentials: 'omit' }),
    isVisible: () => document.visibilityState === 'visible',
    onVisibilityChange: (listener) => document.addEventListener('visibilitychange', listener),
    every: (ms, tick) => {
      const id = setInterval(tick, ms);
      return () => clearInterval(id);
    },
  });
  return registry;
}

/** The element. Defined by `defineRembukCount`. */
export class RembukCount extends HTMLElement implements CountTarget {
  static readonly observedAttributes = ['page', 'site', 'server', 'lang'];
  #count: number | null = null;
  #registered = false;

  get server(): string {
    return (this.getAttribute('server') ?? (defaults.server || location.origin)).replace(/\/+$/, '');
  }

  get site(): string {
    return this.getAttribute('site') ?? defaults.site ?? '';
  }

  get page(): string {
    return this.getAttribute('page') ?? defaultPageId(document);
  }

  /** The count last shown, or null before the first answer. */
  get count(): number | null {
    return this.#count;
  }

  connectedCallback(): void {
    // Without a site there is nothing to ask; the page's own text stays.
    if (!this.site) return;
    this.#registered = true;
    pageRegistry().add(this);
  }

  disconnectedCallback(): void {
    if (!this.#registered) return;
    this.#registered = false;
    pageRegistry().delete(this);
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (before === after || !this.isConnected) return;
    if (name === 'lang') return this.#render();
    // Another thread: ask again.
    this.disconnectedCallback();
    this.connectedCallback();
  }

  show(count: number): void {
    this.#count = count;
    this.#render();
  }

  #render(): void {
    if (this.#count !== null) this.textContent = countText(this.#count, resolveLang(this));
  }
}

/** Defines `<rembuk-count>` (once) with these defaults for elements that name no site or server. */
export function defineRembukCount(next: CountDefaults): void {
  defaults = { ...next };
  if (!customElements.get('rembuk-count')) customElements.define('rembuk-count', RembukCount);
}

/**
 * The demo: the seed article as a believable news page, with the Rembuk widget embedded by
 * exactly the snippet the README gives, where the original site shows its comment section.
 * The server serves it at `/` (Indonesian) and `/en` (English); both pages carry the same
 * canonical URL (the article's on situsenergi.com), so they share one thread: the widget's
 * default page id is the canonical URL's origin and path.
 */
import { createHash } from 'node:crypto';
import { articleEn, articleId, type ArticleContent } from './article-content.ts';

export interface ArticlePageOptions {
  lang: 'id' | 'en';
  /** Origin of the Rembuk server that serves embed.js, e.g. `https://comments.example.com`. */
  embedOrigin: string;
  site: string;
  /** Path of the article's canonical URL on situsenergi.com. */
  canonicalPath: string;
}

/** Where the article lives: its canonical URL is this origin and `canonicalPath`, and that URL is the thread's page id. */
export const ARTICLE_ORIGIN = 'https://situsenergi.com';

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The snippet a site owner pastes (README): the script tag, then the element. */
export function embedSnippet(embedOrigin: string, site: string): string {
  return (
    `<script src="${escapeHtml(`${embedOrigin.replace(/\/+$/, '')}/embed.js`)}" data-site="${escapeHtml(site)}" async></script>\n` +
    `<rembuk-thread></rembuk-thread>`
  );
}

interface Chrome {
  article: ArticleContent;
  siteTagline: string;
  nav: readonly string[];
  home: string;
  skip: string;
  byline: string;
  tagsLabel: string;
  commentsLink: string;
  switchLabel: string;
  switchHref: string;
  switchLang: 'id' | 'en';
  footerAbout: string;
  footerDemo: string;
  /** The demo's theme switch: CSS only (`:target`), since the page runs no script of its own. */
  darkTheme: string;
  lightTheme: string;
}

const chrome: Record<'id' | 'en', Chrome> = {
  id: {
    article: articleId,
    siteTagline: 'Portal berita energi Indonesia',
    nav: ['Beranda', 'Energi', 'Migas', 'Listrik', 'Minerba', 'EBT', 'Ekonomi'],
    home: 'Beranda',
    skip: 'Langsung ke artikel',
    byline: 'Oleh',
    tagsLabel: 'Topik',
    commentsLink: 'Komentar',
    switchLabel: 'English',
    switchHref: '/en',
    switchLang: 'en',
    footerAbout: 'SitusEnergi — berita energi, migas, listrik, dan pertambangan.',
    footerDemo: 'Halaman demo Rembuk. Teks artikel © situsenergi.com.',
    darkTheme: 'Lihat komentar dalam tema gelap',
    lightTheme: 'Kembali ke tema terang',
  },
  en: {
    article: articleEn,
    siteTagline: 'Indonesian energy news',
    nav: ['Home', 'Energy', 'Oil & Gas', 'Electricity', 'Mining', 'Renewables', 'Economy'],
    home: 'Home',
    skip: 'Skip to article',
    byline: 'By',
    tagsLabel: 'Topics',
    commentsLink: 'Comments',
    switchLabel: 'Bahasa Indonesia',
    switchHref: '/',
    switchLang: 'id',
    footerAbout: 'SitusEnergi — news on energy, oil and gas, electricity and mining.',
    footerDemo: 'A Rembuk demo page. Article text © situsenergi.com; English translation for the demo.',
    darkTheme: 'See the comments in the dark theme',
    lightTheme: 'Back to the light theme',
  },
};

const STYLES = `
  :root {
    --brand: #c8102e;
    --ink: #1b1b1f;
    --muted: #5c5f66;
    --line: #e3e4e8;
    --paper: #ffffff;
    --wash: #f5f6f8;
    color-scheme: light;
  }
  *, *::before, *::after { box-sizing: border-box; }
  html { -webkit-text-size-adjust: 100%; }
  body {
    margin: 0;
    background: var(--paper);
    color: var(--ink);
    font: 17px/1.7 Georgia, 'Times New Roman', serif;
  }
  a { color: inherit; }
  .skip { position: absolute; left: -9999px; }
  .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem 1rem; z-index: 10; }
  .sans, .topbar, header, nav, footer, .meta, .kicker, .tags, .crumbs {
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  }
  .wrap { max-width: 1040px; margin: 0 auto; padding: 0 1rem; }
  .topbar { background: #111; color: #d7d7db; font-size: .8rem; }
  .topbar .wrap { display: flex; justify-content: space-between; gap: 1rem; padding-block: .35rem; }
  .topbar a { color: #fff; text-decoration: none; font-weight: 600; }
  .topbar a:hover, .topbar a:focus-visible { text-decoration: underline; }
  .masthead { border-bottom: 1px solid var(--line); }
  .masthead .wrap { display: flex; align-items: baseline; gap: .75rem; flex-wrap: wrap; padding-block: 1rem .75rem; }
  .logo { font-size: 1.9rem; font-weight: 800; letter-spacing: -.02em; text-decoration: none; line-height: 1; }
  .logo span { color: var(--brand); }
  .tagline { color: var(--muted); font-size: .85rem; }
  nav { background: var(--brand); }
  nav ul { list-style: none; margin: 0 auto; padding: 0 .5rem; max-width: 1040px; display: flex; flex-wrap: wrap; }
  nav a { display: block; padding: .6rem .75rem; color: #fff; text-decoration: none; font-weight: 600; font-size: .9rem; text-transform: uppercase; letter-spacing: .02em; }
  nav a[aria-current="page"], nav a:hover, nav a:focus-visible { background: rgb(0 0 0 / .18); }
  main.wrap { padding-block: 1.25rem 3rem; }
  article, .comments { max-width: 720px; margin: 0 auto; }
  .crumbs { font-size: .8rem; color: var(--muted); margin: 0 0 .75rem; }
  .crumbs a { text-decoration: none; }
  .kicker { display: inline-block; background: var(--brand); color: #fff; font-size: .75rem; font-weight: 700; letter-spacing: .06em; padding: .15rem .5rem; border-radius: 2px; text-decoration: none; }
  h1 { font-size: clamp(1.6rem, 1.1rem + 2.4vw, 2.5rem); line-height: 1.2; margin: .6rem 0 .75rem; letter-spacing: -.01em; overflow-wrap: break-word; }
  .meta { display: flex; flex-wrap: wrap; gap: .25rem 1rem; color: var(--muted); font-size: .85rem; padding-bottom: 1rem; border-bottom: 1px solid var(--line); margin-bottom: 1.25rem; }
  .meta strong { color: var(--ink); }
  .meta a { color: var(--brand); font-weight: 600; text-decoration: none; }
  .body p { margin: 0 0 1.15rem; }
  .dateline { font-weight: 700; margin-bottom: .35rem !important; }
  .tags { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: 1.75rem 0 0; font-size: .8rem; }
  .tags span:first-child { color: var(--muted); margin-right: .25rem; }
  .tags a { background: var(--wash); border: 1px solid var(--line); border-radius: 999px; padding: .15rem .65rem; text-decoration: none; }
  .comments { margin-top: 2.5rem; padding-top: 1.5rem; border-top: 3px solid var(--ink); }
  rembuk-thread {
    --rembuk-font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --rembuk-color-accent: var(--brand);
    --rembuk-radius: 6px;
  }
  /* On a dark system the widget is dark (its own background); the brand red is too dark on it, so a lighter one (7:1). */
  @media (prefers-color-scheme: dark) {
    rembuk-thread:not([theme="light"]) { --rembuk-color-accent: #ff7a85; --rembuk-color-accent-text: #1b1b1f; }
  }
  /* The theme switch: the widget's colours are custom properties, so a site can dark-theme it from its own CSS. */
  .demo-tools { max-width: 720px; margin: 1rem auto 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; font: .85rem system-ui, sans-serif; }
  .demo-tools a { color: var(--brand); font-weight: 600; }
  body:has(#dark:target) .comments { background: #17191d; padding: 1.5rem 1rem; border-radius: 6px; }
  body:has(#dark:target) rembuk-thread {
    color-scheme: dark;
    --rembuk-color-text: #e8eaed;
    --rembuk-color-background: #17191d;
    --rembuk-color-accent: #ff7a85;
    --rembuk-color-accent-text: #1b1b1f;
    --rembuk-color-danger: #ff8a80;
    --rembuk-color-pending: #f5c451;
  }
  footer { background: #111; color: #c9c9ce; font-size: .85rem; padding-block: 1.5rem; }
  footer p { margin: .25rem 0; }
  footer a { color: #fff; }
  @media (max-width: 600px) {
    body { font-size: 16.5px; }
    .tagline { display: none; }
    nav a { padding: .5rem .55rem; font-size: .8rem; }
    main.wrap { padding-block: 1rem 2rem; }
  }
`;

/**
 * CSP hashes (`sha256-…`) of the page's one inline <style>. The page keeps its styles inline
 * (one request, and the e2e tests serve the same document from other origins) and its CSP
 * allows exactly this text, so no 'unsafe-inline'. The page has no inline script at all.
 */
export const ARTICLE_STYLE_HASHES: readonly string[] = [`sha256-${createHash('sha256').update(STYLES).digest('base64')}`];

/**
 * The article's date in the page's language ("11 Maret 2025", "March 11, 2025"), formatted
 * here rather than in the browser so the byline needs no script. UTC: the date is a calendar
 * day, and the server's time zone must not move it.
 */
export function bylineDate(dateIso: string, lang: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${dateIso}T00:00:00Z`));
}

/** The script that defines `<rembuk-count>` on its own (README): the byline's live count. */
export function countScript(embedOrigin: string, site: string): string {
  return `<script src="${escapeHtml(`${embedOrigin.replace(/\/+$/, '')}/count.js`)}" data-site="${escapeHtml(site)}" async></script>`;
}

/** A complete HTML document for the demo article, in Indonesian or English. */
export function renderArticlePage(opts: ArticlePageOptions): string {
  const c = chrome[opts.lang];
  const a = c.article;
  const e = escapeHtml;
  const paragraphs = a.paragraphs.map((p) => `          <p>${e(p)}</p>`).join('\n');
  const nav = c.nav.map((item, i) => `        <li><a href="#"${i === 1 ? ' aria-current="page"' : ''}>${e(item)}</a></li>`).join('\n');
  const tags = a.tags.map((t) => `<a href="#">${e(t)}</a>`).join(' ');
  const canonical = `${ARTICLE_ORIGIN}${opts.canonicalPath}`;

  return `<!doctype html>
<html lang="${opts.lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${e(a.title)} | SitusEnergi</title>
  <meta name="description" content="${e(a.paragraphs[0] ?? '')}">
  <link rel="icon" href="data:,">
  <link rel="canonical" href="${e(canonical)}">
  <link rel="alternate" hreflang="${opts.lang}" href="${opts.lang === 'id' ? '/' : '/en'}">
  <link rel="alternate" hreflang="${c.switchLang}" href="${e(c.switchHref)}">
  <style>${STYLES}</style>
  ${countScript(opts.embedOrigin, opts.site)}
</head>
<body>
  <a class="skip" href="#article">${e(c.skip)}</a>
  <div class="topbar">
    <div class="wrap">
      <span>${e(a.dateText)}</span>
      <a href="${e(c.switchHref)}" hreflang="${c.switchLang}" lang="${c.switchLang}">${e(c.switchLabel)}</a>
    </div>
  </div>
  <header class="masthead">
    <div class="wrap">
      <a class="logo" href="#">Situs<span>Energi</span></a>
      <span class="tagline">${e(c.siteTagline)}</span>
    </div>
  </header>
  <nav aria-label="${opts.lang === 'id' ? 'Rubrik' : 'Sections'}">
    <ul>
${nav}
    </ul>
  </nav>
  <main class="wrap">
    <article id="article">
      <p class="crumbs"><a href="#">${e(c.home)}</a> › <a href="#">${e(a.category.charAt(0) + a.category.slice(1).toLowerCase())}</a></p>
      <a class="kicker" href="#">${e(a.category)}</a>
      <h1>${e(a.title)}</h1>
      <div class="meta">
        <time datetime="${e(a.dateIso)}">${e(bylineDate(a.dateIso, opts.lang))}</time>
        <span>${e(c.byline)} <strong>${e(a.author)}</strong></span>
        <a href="#comments"><rembuk-count page="${e(canonical)}">${e(c.commentsLink)}</rembuk-count></a>
      </div>
      <div class="body">
          <p class="dateline">${e(a.dateline)}</p>
${paragraphs}
      </div>
      <p class="tags"><span>${e(c.tagsLabel)}:</span> ${tags}</p>
    </article>
    <section class="comments" id="comments">
${embedSnippet(opts.embedOrigin, opts.site)}
    </section>
    <p class="demo-tools" id="dark"><a href="#dark">${e(c.darkTheme)}</a> <a href="#comments">${e(c.lightTheme)}</a></p>
  </main>
  <footer>
    <div class="wrap">
      <p>${e(c.footerAbout)}</p>
      <p>${e(c.footerDemo)}</p>
    </div>
  </footer>
</body>
</html>
`;
}

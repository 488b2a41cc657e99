import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { articleEn, articleId } from './article-content.ts';
import { ARTICLE_STYLE_HASHES, embedSnippet, escapeHtml, renderArticlePage } from './article-page.ts';

const base = { embedOrigin: 'https://rembuk.example.com', site: 'demo', canonicalPath: '/2025/03/kemenperin-unido-hilirisasi' } as const;

describe('demo article page', () => {
  it('is an Indonesian page with the seed title, category, date, author and full body', () => {
    const html = renderArticlePage({ ...base, lang: 'id' });
    expect(html).toMatch(/^<!doctype html>\n<html lang="id">/);
    expect(html).toContain('Kemenperin dan UNIDO Kolaborasi Dukung Hilirisasi Mineral Kritis Berkelanjutan');
    expect(html).toContain('ENERGI');
    expect(html).toContain('March 11, 2025');
    expect(html).toContain('Editor SitusEnergi');
    for (const p of articleId.paragraphs) expect(html).toContain(escapeHtml(p));
  });

  it.each([
    ['id', '11 Maret 2025', 'Komentar'],
    ['en', 'March 11, 2025', 'Comments'],
  ] as const)('shows in the %s byline the date in the page’s language and the live comment count for the article', (lang, date, fallback) => {
    const html = renderArticlePage({ ...base, lang });
    expect(html).toContain(`<time datetime="2025-03-11">${date}</time>`);
    // The count element names the thread's page id; its fallback text shows until the count arrives.
    expect(html).toContain(
      `<a href="#comments"><rembuk-count page="https://situsenergi.com/2025/03/kemenperin-unido-hilirisasi">${fallback}</rembuk-count></a>`,
    );
    expect(html).toContain('<script src="https://rembuk.example.com/count.js" data-site="demo" async></script>');
  });

  it('is an English page with the translated body', () => {
    const html = renderArticlePage({ ...base, lang: 'en' });
    expect(html).toContain('<html lang="en">');
    for (const p of articleEn.paragraphs) expect(html).toContain(escapeHtml(p));
    expect(articleEn.paragraphs).toHaveLength(articleId.paragraphs.length);
  });

  it('gives both languages the same canonical link, so they share one thread', () => {
    for (const lang of ['id', 'en'] as const) {
      expect(renderArticlePage({ ...base, lang })).toContain(
        '<link rel="canonical" href="https://situsenergi.com/2025/03/kemenperin-unido-hilirisasi">',
      );
    }
  });

  it('offers the dark theme with CSS alone, in the page language', () => {
    const html = renderArticlePage({ ...base, lang: 'en' });
    expect(html).toContain('<a href="#dark">See the comments in the dark theme</a>');
    expect(html).toMatch(/body:has\(#dark:target\) rembuk-thread \{[^}]*--rembuk-color-background: #17191d;/);
    expect(renderArticlePage({ ...base, lang: 'id' })).toContain('<a href="#dark">Lihat komentar dalam tema gelap</a>');
  });

  it('links each language to the other', () => {
    expect(renderArticlePage({ ...base, lang: 'id' })).toMatch(/<a href="\/en" hreflang="en" lang="en">English<\/a>/);
    expect(renderArticlePage({ ...base, lang: 'en' })).toMatch(/<a href="\/" hreflang="id" lang="id">Bahasa Indonesia<\/a>/);
  });

  it('embeds exactly the README snippet inside the comments section', () => {
    const html = renderArticlePage({ ...base, lang: 'id' });
    const snippet = '<script src="https://rembuk.example.com/embed.js" data-site="demo" async></script>\n<rembuk-thread></rembuk-thread>';
    expect(embedSnippet(base.embedOrigin, base.site)).toBe(snippet);
    expect(html).toContain(`<section class="comments" id="comments">\n${snippet}\n    </section>`);
    // The other script is count.js, for the byline's count (README: "Comment counts").
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it('escapes everything it interpolates', () => {
    const html = renderArticlePage({
      lang: 'en',
      embedOrigin: 'https://x.example/"><script>alert(1)</script>',
      site: 'a"b<c',
      canonicalPath: '/p"><img src=x onerror=alert(1)>',
    });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img');
    expect(html).toContain('data-site="a&#34;b&#60;c"');
  });

  it('has a viewport meta so phones get the mobile layout', () => {
    expect(renderArticlePage({ ...base, lang: 'id' })).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });
});

describe('the demo page under its CSP', () => {
  it('has no inline script, no event handler attributes and no style attributes', () => {
    for (const lang of ['id', 'en'] as const) {
      const html = renderArticlePage({ ...base, lang });
      expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).not.toMatch(/\sstyle=/i);
      expect(html).not.toContain('javascript:');
    }
  });

  it('publishes the hash of its one inline stylesheet', () => {
    const html = renderArticlePage({ ...base, lang: 'id' });
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
      (m) =>
        `sha256-${createHash('sha256')
          .update(m[1] ?? '')
          .digest('base64')}`,
    );
    expect(styles).toHaveLength(1);
    expect(ARTICLE_STYLE_HASHES).toEqual(styles);
  });
});

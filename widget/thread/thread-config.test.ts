import { describe, expect, it } from 'vitest';
import { PAGE_ID_PATTERN } from '../../protocol/limits.ts';
import { defaultPageId } from './thread-config.ts';

/** The little of a Document that defaultPageId reads: the location, the base URI and a canonical link's href as written. */
function page(href: string, canonical?: string): Document {
  const link = canonical === undefined ? null : { getAttribute: (name: string) => (name === 'href' ? canonical : null) };
  return { location: { href }, baseURI: href, querySelector: () => link } as unknown as Document;
}

describe('the default page id', () => {
  it("is the canonical link's origin and path, without query or fragment", () => {
    expect(defaultPageId(page('https://news.example/a?utm=x#c-1', 'https://news.example/2025/03/artikel/?ref=rss#top'))).toBe(
      'https://news.example/2025/03/artikel/',
    );
  });

  it('resolves a relative canonical link against the page, so translations share one thread', () => {
    expect(defaultPageId(page('https://news.example/en/artikel?lang=en', '/artikel'))).toBe('https://news.example/artikel');
  });

  it("is the page's own origin and path without a canonical link, or with one that is not http(s)", () => {
    expect(defaultPageId(page('https://news.example/artikel?page=2#comments'))).toBe('https://news.example/artikel');
    expect(defaultPageId(page('https://news.example/artikel', 'javascript:alert(1)'))).toBe('https://news.example/artikel');
    expect(defaultPageId(page('https://news.example/artikel', 'http://['))).toBe('https://news.example/artikel');
  });

  it('percent-encodes what a URL path may keep but a page id may not, so the id fits the pattern', () => {
    const id = defaultPageId(page('https://news.example/a[1]|b^c'));
    expect(id).toBe('https://news.example/a%5B1%5D%7Cb%5Ec');
    expect(PAGE_ID_PATTERN.test(id)).toBe(true);
    expect(PAGE_ID_PATTERN.test(defaultPageId(page('https://news.example/berita/ñandú é')))).toBe(true);
  });
});

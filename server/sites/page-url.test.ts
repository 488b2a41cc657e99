import { describe, expect, it } from 'vitest';
import { pageUrlOf } from './page-url.ts';
import { createSiteRegistry } from './site-registry.ts';

describe('pageUrlOf', () => {
  const sites = createSiteRegistry([
    { id: 'demo', name: 'Demo', origins: ['https://berita.example', 'https://www.berita.example'] },
    { id: 'bare', name: 'Bare', origins: [] },
  ]);

  it('links a path page to the site’s first origin', () => {
    expect(pageUrlOf(sites, 'demo', '/2025/03/listrik-naik/')).toBe('https://berita.example/2025/03/listrik-naik/');
  });

  it('links a page id that is a URL on one of the site’s origins (a canonical URL) as it is', () => {
    expect(pageUrlOf(sites, 'demo', 'https://www.berita.example/2025/03/listrik-naik/')).toBe('https://www.berita.example/2025/03/listrik-naik/');
  });

  it('gives no link for a URL on an origin the site does not have', () => {
    expect(pageUrlOf(sites, 'demo', 'https://evil.example/berita.example/')).toBeNull();
    expect(pageUrlOf(sites, 'bare', 'https://berita.example/p/')).toBeNull();
  });

  it('gives no link for a page id that is not a path', () => {
    expect(pageUrlOf(sites, 'demo', 'article-42')).toBeNull();
  });

  it('gives no link for a site without origins, or an unknown site', () => {
    expect(pageUrlOf(sites, 'bare', '/p/')).toBeNull();
    expect(pageUrlOf(sites, 'nope', '/p/')).toBeNull();
  });
});

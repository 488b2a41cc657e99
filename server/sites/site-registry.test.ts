import { describe, expect, it } from 'vitest';
import { createSiteRegistry, normalizeOrigin } from './site-registry.ts';

describe('site registry', () => {
  const registry = createSiteRegistry([
    { id: 'demo', name: 'Demo', origins: ['https://News.example.com/', 'http://localhost:8080'] },
    { id: 'other', name: 'Other', origins: ['https://other.example'] },
  ]);

  it.each([
    ['https://news.example.com', true],
    ['https://NEWS.example.com:443', true],
    ['http://news.example.com', false],
    ['http://localhost:8080', true],
    ['http://localhost:8081', false],
    ['https://other.example', false],
    ['null', false],
    ['javascript:alert(1)', false],
  ])('answers whether %s may embed the demo site: %s', (origin, allowed) => {
    expect(registry.isOriginAllowed('demo', origin)).toBe(allowed);
  });

  it('refuses a request without an origin', () => {
    expect(registry.isOriginAllowed('demo', undefined)).toBe(false);
  });

  it('refuses every origin for a site it does not know', () => {
    expect(registry.isOriginAllowed('nope', 'https://news.example.com')).toBe(false);
  });

  it('learns new origins for a site', () => {
    const r = createSiteRegistry([{ id: 'demo', name: 'Demo', origins: [] }]);
    r.allowOrigins('demo', ['http://127.0.0.1:3000']);
    expect(r.isOriginAllowed('demo', 'http://127.0.0.1:3000')).toBe(true);
    expect(r.get('demo')?.origins).toEqual(['http://127.0.0.1:3000']);
  });

  it('normalizes origins and rejects non-web schemes', () => {
    expect(normalizeOrigin('HTTPS://A.example:443/path')).toBe('https://a.example');
    expect(normalizeOrigin('ftp://a.example')).toBeNull();
    expect(normalizeOrigin('not a url')).toBeNull();
  });
});

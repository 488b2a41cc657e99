import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';

describe('server configuration', () => {
  it('needs nothing to start the demo on the embedded store', () => {
    const result = parseConfig({});
    expect(result.ok && result.config).toMatchObject({ PORT: 3000, DATA_DIR: './data', DEMO: true, JOURNAL_FSYNC: true });
  });

  it('reports every bad variable at once', () => {
    const result = parseConfig({ PORT: 'eighty', REDIS_URL: 'http://x', SECRET: 'short' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.split(':')[0])).toEqual(['PORT', 'REDIS_URL', 'SECRET']);
  });

  it('treats an empty variable as unset', () => {
    const result = parseConfig({ REDIS_URL: '' });
    expect(result.ok && result.config.REDIS_URL).toBeUndefined();
  });
});

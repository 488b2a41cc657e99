import { describe, expect, it } from 'vitest';
import { parseRedisInfo, redisDurabilityWarnings, redisVersionProblem } from './redis-durability.ts';

/** An INFO reply in Redis's own layout: CRLF lines, section headers, blank lines between. */
function info(fields: Record<string, string>): string {
  const lines = ['# Server', 'redis_version:7.2.4', '', '# Memory'];
  for (const [k, v] of Object.entries(fields)) lines.push(`${k}:${v}`);
  return `${lines.join('\r\n')}\r\n`;
}

const SAFE = { maxmemory_policy: 'noeviction', aof_enabled: '1', aof_last_write_status: 'ok' };

describe('Redis durability warnings', () => {
  it.each([
    { name: 'noeviction, AOF on, fsync every second', fields: SAFE, appendfsync: 'everysec', expected: [] },
    { name: 'noeviction, AOF on, fsync always', fields: SAFE, appendfsync: 'always', expected: [] },
    {
      name: 'an LRU eviction policy',
      fields: { ...SAFE, maxmemory_policy: 'allkeys-lru' },
      appendfsync: 'everysec',
      expected: [/maxmemory-policy is allkeys-lru.*noeviction/],
    },
    {
      name: 'a volatile policy (evicts idempotency keys, which expire)',
      fields: { ...SAFE, maxmemory_policy: 'volatile-ttl' },
      appendfsync: 'everysec',
      expected: [/maxmemory-policy is volatile-ttl/],
    },
    { name: 'AOF off', fields: { ...SAFE, aof_enabled: '0' }, appendfsync: 'everysec', expected: [/appendonly is off/] },
    { name: 'AOF on without fsync', fields: SAFE, appendfsync: 'no', expected: [/appendfsync is no/] },
    { name: 'AOF on, appendfsync unreadable (CONFIG disabled)', fields: SAFE, appendfsync: null, expected: [/Could not read appendfsync/] },
    { name: 'AOF off: appendfsync does not matter', fields: { ...SAFE, aof_enabled: '0' }, appendfsync: 'no', expected: [/appendonly is off/] },
    { name: 'a failed AOF write', fields: { ...SAFE, aof_last_write_status: 'err' }, appendfsync: 'everysec', expected: [/last AOF write failed/] },
    {
      name: 'eviction and no AOF at once',
      fields: { ...SAFE, maxmemory_policy: 'allkeys-random', aof_enabled: '0' },
      appendfsync: 'everysec',
      expected: [/maxmemory-policy is allkeys-random/, /appendonly is off/],
    },
    {
      name: 'an INFO without the fields',
      fields: {},
      appendfsync: 'everysec',
      expected: [/does not show maxmemory_policy/, /does not show aof_enabled/],
    },
  ])('$name', ({ fields, appendfsync, expected }) => {
    const warnings = redisDurabilityWarnings(info(fields), appendfsync);
    expect(warnings).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(warnings[i]).toMatch(pattern));
  });
});

describe('Redis version check', () => {
  it.each([
    { version: '7.0.15', problem: false },
    { version: '7.2.4', problem: false },
    { version: '8.0.2', problem: false },
    { version: '6.2.14', problem: true },
    { version: '5.0.7', problem: true },
  ])('says whether Redis $version can run the scripts', ({ version, problem }) => {
    const result = redisVersionProblem(`# Server\r\nredis_version:${version}\r\n`);
    if (problem) expect(result).toMatch(new RegExp(`Redis 7\\.0 or later.*${version.replace(/\./g, '\\.')}`));
    else expect(result).toBeNull();
  });

  it('does not refuse a Redis whose INFO leaves the version out', () => {
    expect(redisVersionProblem('# Memory\r\nmaxmemory_policy:noeviction\r\n')).toBeNull();
  });
});

describe('INFO parsing', () => {
  it('reads field:value lines, skips headers and blank lines, and keeps colons inside values', () => {
    const parsed = parseRedisInfo(
      '# Server\r\nredis_version:7.2.4\r\n\r\n# Keyspace\r\ndb0:keys=3,expires=1\r\nexecutable:/usr/bin/redis-server\r\n',
    );
    expect([...parsed]).toEqual([
      ['redis_version', '7.2.4'],
      ['db0', 'keys=3,expires=1'],
      ['executable', '/usr/bin/redis-server'],
    ]);
  });
});

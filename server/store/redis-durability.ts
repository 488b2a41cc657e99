/**
 * Which Redis settings can lose acknowledged comments, decided from the text of INFO (which
 * managed Redis services allow, unlike CONFIG GET). Pure: the store reads, this judges.
 */

/** The `field:value` lines of an INFO reply (section headers and blank lines skipped). */
export function parseRedisInfo(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return fields;
}

/**
 * Warnings, in words an operator can act on, for settings under which Redis can drop a comment
 * it has acknowledged. `appendfsync` comes from CONFIG GET (INFO does not show it): null when
 * that is not allowed.
 */
export function redisDurabilityWarnings(infoText: string, appendfsync: string | null): string[] {
  const info = parseRedisInfo(infoText);
  const warnings: string[] = [];

  const policy = info.get('maxmemory_policy');
  if (policy === undefined) {
    warnings.push(
      'Redis INFO does not show maxmemory_policy; make sure it is noeviction, or Redis may evict comments and thread keys when memory runs short.',
    );
  } else if (policy !== 'noeviction') {
    warnings.push(
      `Redis maxmemory-policy is ${policy}: when memory runs short Redis deletes keys, which can lose acknowledged comments, ` +
        'thread sequences and idempotency keys (a retried post then appears twice). Set maxmemory-policy noeviction: ' +
        'Redis then refuses new posts (the reader is told to try again) and keeps everything it has.',
    );
  }

  const aof = info.get('aof_enabled');
  if (aof === undefined) {
    warnings.push('Redis INFO does not show aof_enabled; make sure appendonly is yes, or a Redis restart can lose acknowledged comments.');
  } else if (aof !== '1') {
    warnings.push(
      'Redis appendonly is off: comments acknowledged since the last snapshot are lost when Redis restarts or crashes. ' +
        'Set appendonly yes with appendfsync everysec (or always).',
    );
  } else if (appendfsync === 'no') {
    warnings.push(
      'Redis appendfsync is no: the operating system decides when the AOF reaches the disk, so a power cut or kernel crash ' +
        'can lose many seconds of acknowledged comments. Set appendfsync everysec (at most about a second lost) or always.',
    );
  } else if (appendfsync === null) {
    warnings.push('Could not read appendfsync (CONFIG GET is not allowed); make sure it is everysec or always, not no.');
  }
  if (aof === '1' && info.get('aof_last_write_status') === 'err') {
    warnings.push('Redis reports that its last AOF write failed (aof_last_write_status:err): check the disk Redis writes to.');
  }
  return warnings;
}

/** A reason to refuse this Redis, or null. The scripts declare flags (`#!lua`), which needs Redis 7. */
export function redisVersionProblem(infoText: string): string | null {
  const version = parseRedisInfo(infoText).get('redis_version');
  if (version === undefined) return null;
  const major = Number.parseInt(version, 10);
  if (Number.isNaN(major) || major >= 7) return null;
  return `Rembuk needs Redis 7.0 or later (its write scripts declare flags so that Redis refuses them whole when out of memory); this Redis is ${version}.`;
}

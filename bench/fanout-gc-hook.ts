/**
 * Preloaded into every server the fan-out benchmark starts (`node --expose-gc --import
 * ./bench/fanout-gc-hook.ts`), so RSS is read after a full collection rather than at a
 * random point of the GC cycle: on SIGUSR2 it collects garbage twice and logs one JSON line
 * with the process's memory. The servers' own code is untouched.
 */
const collect = (globalThis as { gc?: () => void }).gc;

process.on('SIGUSR2', () => {
  collect?.();
  collect?.();
  const m = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({ msg: 'fanout-gc', rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers })}\n`,
  );
});

/**
 * The design's dependency rules (docs/decisions/0011), checked on the source rather than trusted: protocol
 * imports nothing, moderation nothing of the server or widget, the widget neither the server
 * nor zod (protocol/parse.ts), server/store nothing from the rest of server/, and no cycle
 * between files or between folders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const PARTS = ['protocol', 'moderation', 'server', 'widget', 'demo'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/gm;
const files = PARTS.flatMap(sourceFiles);
const graph = new Map<string, string[]>(
  files.map((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((m) => relative(ROOT, resolve(ROOT, dirname(file), m[1] ?? '')));
    return [file, targets];
  }),
);

/**
 * `server/store/sqlite/x.ts` → `server/store`: the unit whose imports the folder rule speaks of.
 * Files directly in server/ (the composition root, the logger) belong to no folder of server/:
 * they stand for themselves, and the file rule covers them.
 */
const folderOf = (file: string) => {
  const parts = file.split('/');
  if (parts[0] !== 'server') return parts[0] ?? file;
  return parts.length > 2 ? `server/${parts[1]}` : file;
};

function findCycle(edges: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

const importsOf = (predicate: (file: string) => boolean) =>
  [...graph].filter(([file]) => predicate(file)).flatMap(([file, targets]) => targets.map((target) => `${file} → ${target}`));

describe('the source’s dependency rules', () => {
  it('reads the imports of every source file', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get('server/realtime/reader-namespace.ts')).toContain('server/realtime/packet-guard.ts');
  });

  it('keeps protocol/ free of every other part', () => {
    expect(importsOf((f) => f.startsWith('protocol/')).filter((edge) => !edge.split(' → ')[1]?.startsWith('protocol/'))).toEqual([]);
  });

  it('keeps the moderation library free of the server and the widget', () => {
    expect(importsOf((f) => f.startsWith('moderation/')).filter((edge) => /→ (server|widget|demo)\//.test(edge))).toEqual([]);
  });

  it('keeps the server, and zod’s parsers, out of the widget', () => {
    expect(importsOf((f) => f.startsWith('widget/')).filter((edge) => /→ (server\/|moderation\/|protocol\/parse\.ts)/.test(edge))).toEqual([]);
  });

  it('lets server/store import nothing from the rest of server/', () => {
    const outward = importsOf((f) => f.startsWith('server/store/')).filter((edge) => {
      const target = edge.split(' → ')[1] ?? '';
      return target.startsWith('server/') && !target.startsWith('server/store/');
    });
    expect(outward).toEqual([]);
  });

  it('has no cycle between files', () => {
    const edges = new Map([...graph].map(([file, targets]) => [file, new Set(targets)]));
    expect(findCycle(edges)).toBeNull();
  });

  it('has no cycle between folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const [file, targets] of graph) {
      const from = folderOf(file);
      const set = edges.get(from) ?? new Set<string>();
      for (const target of targets) if (folderOf(target) !== from) set.add(folderOf(target));
      edges.set(from, set);
    }
    expect(findCycle(edges)).toBeNull();
  });
});

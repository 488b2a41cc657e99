/**
 * The widget's public API as its element class documents it (`@attr`, `@fires`, `@csspart`,
 * `@cssprop` JSDoc tags, as Web Awesome writes them), and the README block made from it. Node
 * only (scripts and tests); nothing here is bundled into embed.js.
 */

export interface ApiEntry {
  name: string;
  description: string;
}

export interface WidgetApi {
  attributes: ApiEntry[];
  events: ApiEntry[];
  parts: ApiEntry[];
  properties: ApiEntry[];
}

const TAGS = { '@attr': 'attributes', '@fires': 'events', '@csspart': 'parts', '@cssprop': 'properties' } as const satisfies Record<
  string,
  keyof WidgetApi
>;
type Tag = keyof typeof TAGS;
const isTag = (word: string): word is Tag => Object.hasOwn(TAGS, word);

/** The JSDoc block right before `export class <name>`. */
function classDoc(source: string, className: string): string {
  const at = source.indexOf(`export class ${className} `);
  if (at === -1) throw new Error(`no "export class ${className}" in the source`);
  const end = source.lastIndexOf('*/', at);
  const start = source.lastIndexOf('/**', end);
  if (start === -1 || end === -1 || source.slice(end + 2, at).trim() !== '') throw new Error(`${className} has no JSDoc right above it`);
  return source.slice(start + 3, end);
}

/**
 * Reads the API tags of one class: `@tag name - description`, the description going on over
 * the following lines until a blank line or the next tag.
 */
export function parseWidgetApi(source: string, className: string): WidgetApi {
  const api: WidgetApi = { attributes: [], events: [], parts: [], properties: [] };
  let current: ApiEntry | null = null;
  for (const raw of classDoc(source, className).split('\n')) {
    const line = raw.replace(/^\s*\*\s?/, '').trim();
    const tag = /^(@\w+)\s+(\S+)\s+-\s+(.*)$/.exec(line);
    if (tag) {
      const [, word = '', name = '', description = ''] = tag;
      current = null;
      if (!isTag(word)) continue;
      current = { name, description };
      api[TAGS[word]].push(current);
    } else if (line === '' || line.startsWith('@')) {
      current = null;
    } else if (current) {
      current.description += ` ${line}`;
    }
  }
  return api;
}

/**
 * Every part name a template source can render: static `part="a b"` attributes, and the
 * quoted names inside a bound `part=${…}` expression.
 */
export function renderedParts(templateSource: string): string[] {
  const names = new Set<string>();
  // Comments may quote markup; only code renders.
  const code = templateSource.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const [, list = ''] of code.matchAll(/\bpart="([^"]*)"/g)) for (const n of list.split(/\s+/)) if (n) names.add(n);
  for (const [, expr = ''] of code.matchAll(/\bpart=\$\{([^}]*)\}/g)) {
    for (const [, list = ''] of expr.matchAll(/'([^']*)'|"([^"]*)"/g)) for (const n of list.split(/\s+/)) if (n) names.add(n);
  }
  return [...names].sort();
}

/** Every `--rembuk-*` custom property a stylesheet source reads with `var()`. */
export function usedCustomProperties(stylesSource: string): string[] {
  return [...new Set([...stylesSource.matchAll(/var\(\s*(--rembuk-[\w-]+)/g)].map((m) => m[1] ?? ''))].sort();
}

const START = '<!-- widget-api:start -->';
const END = '<!-- widget-api:end -->';

function table(head: [string, string], entries: readonly ApiEntry[]): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  return [`| ${head[0]} | ${head[1]} |`, '|---|---|', ...entries.map((e) => `| \`${e.name}\` | ${cell(e.description)} |`)].join('\n');
}

/** The README block, markers included. */
export function renderReadmeBlock(api: WidgetApi, tagName: string): string {
  return [
    START,
    `<!-- Generated from the JSDoc of widget/thread/rembuk-thread.ts by \`npm run docs:widget\`: edit it there. -->`,
    // Generated text stays as generated: a formatter re-aligning the tables would make it stale.
    '<!-- prettier-ignore-start -->',
    '',
    `Attributes of \`<${tagName}>\` (all optional when loaded through embed.js):`,
    '',
    table(['attribute', 'meaning'], api.attributes),
    '',
    'Events:',
    '',
    table(['event', 'when'], api.events),
    '',
    `Parts, for \`${tagName}::part(name)\`:`,
    '',
    table(['part', 'what it is'], api.parts),
    '',
    `Custom properties, set on \`${tagName}\` or any ancestor:`,
    '',
    table(['property', 'what it sets'], api.properties),
    '<!-- prettier-ignore-end -->',
    END,
  ].join('\n');
}

/** The README with its block replaced; fails when the markers are missing. */
export function replaceReadmeBlock(readme: string, block: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1 || end < start) throw new Error(`README.md has no "${START}" … "${END}" block`);
  return readme.slice(0, start) + block + readme.slice(end + END.length);
}

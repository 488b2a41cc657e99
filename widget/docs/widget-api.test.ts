import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommentPostedEvent } from '../events/comment-posted-event.ts';
import { parseWidgetApi, renderedParts, renderReadmeBlock, replaceReadmeBlock, usedCustomProperties } from './widget-api.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const elementSource = read('widget/thread/rembuk-thread.ts');
/** Templates the element renders from other files: their parts are the element's too. */
const partSources = [elementSource, read('widget/thread/report-form.ts'), read('widget/thread/comment-forms.ts')];
const api = parseWidgetApi(elementSource, 'RembukThread');
const names = (entries: readonly { name: string }[]) => entries.map((e) => e.name).sort();

describe("the widget's documented API", () => {
  it('documents every part the template renders, and renders every part it documents', () => {
    const rendered = [...new Set(partSources.flatMap(renderedParts))].sort();
    expect(rendered.length).toBeGreaterThan(20);
    expect(names(api.parts)).toEqual(rendered);
  });

  it('documents every custom property the styles read, and reads every one it documents', () => {
    const used = usedCustomProperties(read('widget/thread/rembuk-thread.styles.ts'));
    expect(used).toContain('--rembuk-color-input-background');
    expect(names(api.properties)).toEqual(used);
    // The element's own templates set no style of their own that could read one unseen.
    for (const source of partSources) expect(usedCustomProperties(source)).toEqual([]);
  });

  it('documents the attributes the element declares (and lang, which it reads itself) and the event it fires', () => {
    const declared = /static override properties = \{([\s\S]*?)\n {2}\};/.exec(elementSource)?.[1] ?? '';
    const attributes = [...declared.matchAll(/^\s*(\w+): \{(?![^}]*state: true)/gm)].map((m) => m[1] ?? '');
    expect(attributes.length).toBeGreaterThan(0);
    expect(names(api.attributes)).toEqual([...attributes, 'lang'].sort());
    expect(names(api.events)).toEqual([CommentPostedEvent.eventName, 'rembuk-sign-out']);
  });

  it('gives every entry a description', () => {
    for (const entry of [...api.attributes, ...api.events, ...api.parts, ...api.properties])
      expect(entry.description.length, entry.name).toBeGreaterThan(5);
  });

  it('has the README block as npm run docs:widget writes it', () => {
    const readme = read('README.md');
    const current = replaceReadmeBlock(readme, renderReadmeBlock(api, 'rembuk-thread'));
    expect(current === readme, 'README.md is stale: run `npm run docs:widget`').toBe(true);
  });
});

describe('reading the API tags', () => {
  const source = `
/**
 * Something.
 *
 * @attr site - The site,
 *   over two lines.
 * @slot - Not an API we document.
 * @csspart box - The box.
 *
 * @cssprop --x-color - A colour.
 */
export class Sample extends Base {}`;

  it('reads each tag with its description, continued over the following lines', () => {
    expect(parseWidgetApi(source, 'Sample')).toEqual({
      attributes: [{ name: 'site', description: 'The site, over two lines.' }],
      events: [],
      parts: [{ name: 'box', description: 'The box.' }],
      properties: [{ name: '--x-color', description: 'A colour.' }],
    });
  });

  it('refuses a class without its JSDoc right above it', () => {
    expect(() => parseWidgetApi('/** Doc. */\nconst x = 1;\nexport class Sample {}', 'Sample')).toThrow(/no JSDoc/);
    expect(() => parseWidgetApi(source, 'Other')).toThrow(/no "export class Other"/);
  });

  it('finds static and bound part names in a template, not those in comments', () => {
    const template = '/** part="not-me" */ html`<p part="a b"></p><li part=${on ? \'c d\' : \'c\'}></li>`';
    expect(renderedParts(template)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('replaces only the marked README block', () => {
    const readme = 'before\n<!-- widget-api:start -->\nold\n<!-- widget-api:end -->\nafter\n';
    expect(replaceReadmeBlock(readme, '<!-- widget-api:start -->\nnew\n<!-- widget-api:end -->')).toBe(
      'before\n<!-- widget-api:start -->\nnew\n<!-- widget-api:end -->\nafter\n',
    );
    expect(() => replaceReadmeBlock('no block', 'x')).toThrow(/no "<!-- widget-api:start -->"/);
  });
});

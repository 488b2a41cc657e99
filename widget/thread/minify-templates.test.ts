import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collapseHtmlTemplates, minifyCss, minifyTemplates } from './minify-templates.ts';

describe('the template minifier', () => {
  it('drops comments, whitespace and leading zeros from CSS but keeps what separates values and selectors', () => {
    const css = `
      /* why */
      :host([theme='dark']) .a > .b,
      .c:focus-visible {
        margin: 0 calc(var(--_space) * 0.5);
        width: 10.5em;
        background: color-mix(in srgb, currentColor 4%, transparent);
      }
      @media (prefers-color-scheme: dark) {
        :host(:not([theme='light'])) { color-scheme: dark; }
      }`;
    expect(minifyCss(css)).toBe(
      ":host([theme='dark']) .a>.b,.c:focus-visible{margin:0 calc(var(--_space) * .5);width:10.5em;background:color-mix(in srgb,currentColor 4%,transparent)}" +
        "@media (prefers-color-scheme:dark){:host(:not([theme='light'])){color-scheme:dark}}",
    );
  });

  it('minifies the css templates of a styles module, and the html templates of other widget modules', () => {
    const transform = minifyTemplates().transform;
    if (typeof transform !== 'function') throw new Error('the plugin has no transform hook');
    const run = (code: string, id: string): unknown => Reflect.apply(transform, {}, [code, id]);
    expect(run('export const s = css`\n  a {\n    color: red;\n  }\n`;', '/r/widget/x.styles.ts')).toEqual({
      code: 'export const s = css`a{color:red}`;',
      map: null,
    });
    expect(run('const t = css`a { b: ${x} }`;', '/r/widget/x.styles.ts')).toEqual({ code: 'const t = css`a { b: ${x} }`;', map: null });
    expect(run('html`<p>\n  x\n</p>`', '/r/widget/thread/x.ts')).toEqual({ code: 'html`<p> x </p>`', map: null });
    expect(run('const a = 1;', '/r/widget/thread/x.ts')).toBeNull();
    expect(run('html`<p>\n</p>`', '/r/node_modules/lit/x.ts')).toBeNull();
  });

  it('collapses the line breaks of html template text, leaving expressions, nested templates and other literals alone', () => {
    const source = [
      'const a = html`',
      '  <ul>',
      "    ${items.map((i) => html`<li>\n  ${i.split('\\n').join(`\n`)}\n</li>`)}",
      '  </ul>',
      '`;',
      'const b = `keep\n  this`;',
    ].join('\n');
    expect(collapseHtmlTemplates(source)).toBe(
      ["const a = html` <ul> ${items.map((i) => html`<li> ${i.split('\\n').join(`\n`)} </li>`)} </ul> `;", 'const b = `keep\n  this`;'].join('\n'),
    );
  });

  it("leaves the thread's stylesheet one template, which it shrinks by a quarter or more", () => {
    const source = readFileSync(resolve(import.meta.dirname, 'rembuk-thread.styles.ts'), 'utf8');
    const body = /\bcss`([^`$]*)`/.exec(source)?.[1] ?? '';
    expect(body.length).toBeGreaterThan(1000);
    expect(minifyCss(body).length).toBeLessThan(body.length * 0.75);
  });
});

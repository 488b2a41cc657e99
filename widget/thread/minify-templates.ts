/**
 * A Vite plugin that minifies what the bundler leaves alone inside template literals: the CSS
 * of the `css` templates in `*.styles.ts` modules (comments, indentation), and the line breaks
 * and indentation Prettier gives the `html` templates. Without it they reached embed.js as
 * written (0.45 KB gzip on every article page).
 */
import ts from 'typescript';
import type { Plugin } from 'vite';

/**
 * Drops comments and collapses whitespace (none kept around `{ } ; , >`, after `:` or before
 * `}`), and the zero before a decimal point. Enough for our own stylesheets, which have no strings or URLs with such characters in them.
 */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .replace(/([\s:(,])0\.(\d)/g, '$1.$2')
    .trim();
}

/**
 * The source with every line break (and the indentation after it) in the literal text of an
 * `html` template made one space: HTML renders a run of whitespace as one space anyway, and
 * none of our templates has a `<pre>` or a text area with content. Expressions are untouched.
 */
export function collapseHtmlTemplates(code: string, fileName = 'x.ts'): string {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const texts: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'html') {
      const t = node.template;
      const literals = ts.isNoSubstitutionTemplateLiteral(t) ? [t] : [t.head, ...t.templateSpans.map((s) => s.literal)];
      // Each literal's text sits between its opening "`" or "}" and its closing "`" or "${".
      for (const l of literals) texts.push([l.getStart(file) + 1, l.end - (ts.isTemplateTail(l) || ts.isNoSubstitutionTemplateLiteral(l) ? 1 : 2)]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = '';
  let at = 0;
  for (const [start, end] of texts.sort((a, b) => a[0] - b[0])) {
    out += code.slice(at, start) + code.slice(start, end).replace(/\n\s*/g, ' ');
    at = end;
  }
  return out + code.slice(at);
}

export function minifyTemplates(): Plugin {
  return {
    name: 'rembuk-minify-templates',
    // Before the TypeScript transform, on the source as written.
    enforce: 'pre',
    transform(code, id) {
      if (!/\/widget\/.*\.ts$/.test(id.replaceAll('\\', '/'))) return null;
      if (id.endsWith('.styles.ts'))
        return { code: code.replace(/\bcss`([^`$]*)`/g, (_all, body: string) => `css\`${minifyCss(body)}\``), map: null };
      return code.includes('html`') ? { code: collapseHtmlTemplates(code, id), map: null } : null;
    },
  };
}

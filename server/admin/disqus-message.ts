/**
 * A Disqus post's message (HTML) as a Rembuk comment's text: paragraphs as blank lines, line
 * breaks kept, bold, italic and code in the widget's own markers (widget/thread/format.ts),
 * a link as its text followed by its address when the text does not show it, every other tag
 * dropped and entities decoded. The result is plain text: the widget renders it as text.
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+|#39);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x') || lower.startsWith('#')) {
      const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[lower] ?? whole;
  });
}

const MARKERS: Record<string, string> = { b: '**', strong: '**', i: '*', em: '*', code: '`' };

export function disqusMessageToText(html: string): string {
  let text = html.replace(/\r\n?/g, '\n');
  // Source newlines are layout, not content: Disqus marks breaks with tags.
  text = text.replace(/\s*\n\s*/g, ' ');
  text = text.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
  text = text.replace(
    /<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a\s*>/gi,
    (_m: string, dq: string | undefined, sq: string | undefined, inner: string | undefined) =>
      linkText(decodeEntities(dq ?? sq ?? '').trim(), decodeEntities((inner ?? '').replace(/<[^>]*>/g, '')).trim()),
  );
  text = text.replace(/<\/?(b|strong|i|em|code)\b[^>]*>/gi, (_m, tag: string) => MARKERS[tag.toLowerCase()] ?? '');
  text = text.replace(/<br\s*\/?>/gi, '\n');
  text = text.replace(/<\/li\s*>/gi, '');
  text = text.replace(/<\/(p|div|blockquote|ul|ol|h[1-6])\s*>/gi, '\n\n');
  text = text.replace(/<(p|div|blockquote|ul|ol|h[1-6])\b[^>]*>/gi, '\n\n');
  text = text.replace(/<li\b[^>]*>/gi, '\n- ');
  text = text.replace(/<[^>]*>/g, '');
  text = decodeEntities(text);
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A link as text: its address when the text is (a shortened form of) it, else the text and the address. */
function linkText(href: string, shown: string): string {
  if (!/^https?:\/\//i.test(href)) return shown;
  const stem = shown.replace(/(…|\.\.\.)$/, '').replace(/^https?:\/\//i, '');
  if (stem === '' || href.replace(/^https?:\/\//i, '').startsWith(stem)) return href;
  return `${shown} (${href})`;
}

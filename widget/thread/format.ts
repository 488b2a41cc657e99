/**
 * The formatting a comment may use, read from its plain text into a small tree: paragraphs
 * (a blank line), line breaks, `**bold**`, `*italic*`, `` `code` `` and bare http(s) links.
 * Nothing else is markup: HTML tags, `javascript:` or `data:` URLs and unclosed markers stay
 * literal text. The tree is rendered as Lit template parts (never as HTML), and the server and
 * its moderation engine keep seeing the plain text. Pure: no DOM, no Lit.
 */

/** One run of a paragraph. */
export type Span =
  | { kind: 'text'; text: string }
  | { kind: 'br' }
  | { kind: 'code'; text: string }
  | { kind: 'strong' | 'em'; children: Span[] }
  /** `text` is what the reader sees: the URL as written, unless that would hide its real host. */
  | { kind: 'link'; href: string; text: string };

/** A paragraph is its runs; a comment is its paragraphs. */
export type Paragraph = Span[];

const URL_AT = /https?:\/\/[^\s<>"`]+/y;

/** Reads a comment's text into paragraphs. */
export function formatComment(text: string): Paragraph[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n\s*/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => inline(p));
}

/**
 * The closing marker of a run opened before `from`: the first `m` with no space before it
 * (so "2 * 3 * 4" stays literal), skipping code spans; for `**`, the last pair of a longer
 * star run (`***x***` is bold italic).
 */
function closer(s: string, m: string, from: number): number {
  for (let k = from; k < s.length; k++) {
    if (s[k] === '`') {
      const end = s.indexOf('`', k + 1);
      if (end > k + 1) k = end;
    } else if (m === '*' && s.startsWith('**', k)) {
      // A bold run inside the italic one is skipped whole, so its stars do not close it.
      const end = opens(s, k, '**') ? closer(s, '**', k + 2) : -1;
      k = end === -1 ? k + 1 : end + 1;
    } else if (s.startsWith(m, k) && k > from && !/\s/.test(s[k - 1] ?? ' ') && (m === '*' || s[k + 2] !== '*')) {
      return k;
    }
  }
  return -1;
}

/** A marker opens a run when a non-space follows it. */
function opens(s: string, at: number, m: string): boolean {
  return /\S/.test(s[at + m.length] ?? ' ');
}

function inline(s: string): Span[] {
  const out: Span[] = [];
  let text = '';
  const push = (span?: Span) => {
    if (text !== '') out.push({ kind: 'text', text });
    text = '';
    if (span) out.push(span);
  };
  for (let i = 0; i < s.length;) {
    const c = s[i] ?? '';
    if (c === '\n') {
      push({ kind: 'br' });
      i++;
      continue;
    }
    if (c === '`') {
      const end = s.indexOf('`', i + 1);
      if (end > i + 1) {
        push({ kind: 'code', text: s.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (c === '*') {
      const m = s.startsWith('**', i) ? '**' : '*';
      const end = opens(s, i, m) ? closer(s, m, i + m.length) : -1;
      if (end !== -1) {
        push({ kind: m === '**' ? 'strong' : 'em', children: inline(s.slice(i + m.length, end)) });
        i = end + m.length;
        continue;
      }
    }
    if (c === 'h' && !/\w/.test(s[i - 1] ?? ' ')) {
      URL_AT.lastIndex = i;
      const raw = URL_AT.exec(s)?.[0];
      const link = raw === undefined ? null : toLink(raw);
      if (link) {
        push(link.span);
        i += link.length;
        continue;
      }
    }
    text += c;
    i++;
  }
  push();
  return out;
}

/**
 * A link from the URL text at hand, without the punctuation that ends the sentence around it
 * (and a closing bracket it did not open); null when it is no http(s) URL.
 */
function toLink(raw: string): { span: Span; length: number } | null {
  const end = /[.,;:!?'*]+$/;
  let u = raw.replace(end, '');
  if (u.endsWith(')') && !u.includes('(')) u = u.slice(0, -1).replace(end, '');
  let url: URL;
  try {
    url = new URL(u);
  } catch {
    return null;
  }
  // The reader sees where the link goes: as written, unless user info ("https://bank.example@evil.example")
  // or a host the browser reads otherwise (look-alike letters, as punycode) would hide it.
  let text = u;
  if (!u.startsWith(`${url.protocol}//${url.host}`)) {
    url.username = url.password = '';
    text = url.href;
  }
  return { span: { kind: 'link', href: url.href, text }, length: u.length };
}

/**
 * The start of a long comment (over 600 characters or 8 lines), for its collapsed view: at
 * most 5 lines and 400 characters, cut at a space, with an ellipsis; null when the comment is
 * short enough to show whole.
 */
export function collapsed(text: string): string | null {
  if (text.length <= 600 && text.split('\n').length <= 8) return null;
  const head = text.split('\n').slice(0, 5).join('\n').slice(0, 400);
  const cut = head.length === 400 ? head.replace(/\s+\S*$/, '') : head;
  return `${cut.trimEnd()} …`;
}

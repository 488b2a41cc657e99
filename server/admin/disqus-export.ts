/**
 * Reads a Disqus XML export (Admin → Community → Export): its <thread> and <post> elements,
 * each keyed by its dsq:id attribute. Pure: XML text in, plain records out; what the records
 * become is disqus-import.ts's business. The file is parsed whole (fast-xml-parser), which a
 * site's export, tens of megabytes, affords.
 */
import { XMLParser } from 'fast-xml-parser';

export interface DisqusThread {
  dsqId: string;
  /** The page's disqus_identifier, or '' when the site set none. */
  identifier: string;
  link: string;
  title: string;
  isDeleted: boolean;
}

export interface DisqusPost {
  dsqId: string;
  threadDsqId: string;
  /** The dsq:id of the post it replies to, or null. */
  parentDsqId: string | null;
  /** HTML. */
  message: string;
  /** ISO 8601 as Disqus writes it, e.g. 2024-05-01T03:04:05Z. */
  createdAt: string;
  authorName: string;
  authorUsername: string;
  isAnonymous: boolean;
  isDeleted: boolean;
  isSpam: boolean;
}

export type DisqusExport = { ok: true; threads: DisqusThread[]; posts: DisqusPost[] } | { ok: false; problem: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // dsq:id → @id; the default namespace's elements are plain names already.
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name, path) => typeof path === 'string' && (path === 'disqus.thread' || path === 'disqus.post' || path === 'disqus.category'),
});

export function parseDisqusExport(xml: string): DisqusExport {
  let doc: unknown;
  try {
    // Parsed, not validated first: a malformed file fails below as "not a Disqus export" or here.
    doc = parser.parse(xml);
  } catch (err) {
    return { ok: false, problem: `not well-formed XML (${err instanceof Error ? err.message : String(err)})` };
  }
  const root = field(doc, 'disqus');
  if (root === undefined || typeof root !== 'object' || root === null) {
    return { ok: false, problem: 'not a Disqus export (no <disqus> root element)' };
  }
  const threads = list(field(root, 'thread')).map((t): DisqusThread => ({
    dsqId: text(field(t, '@id')),
    identifier: text(field(t, 'id')),
    link: text(field(t, 'link')),
    title: text(field(t, 'title')),
    isDeleted: text(field(t, 'isDeleted')) === 'true',
  }));
  const posts = list(field(root, 'post')).map((p): DisqusPost => {
    const author = field(p, 'author');
    const parent = field(p, 'parent');
    return {
      dsqId: text(field(p, '@id')),
      threadDsqId: text(field(field(p, 'thread'), '@id')),
      parentDsqId: parent === undefined ? null : text(field(parent, '@id')) || null,
      message: text(field(p, 'message')),
      createdAt: text(field(p, 'createdAt')),
      authorName: text(field(author, 'name')),
      authorUsername: text(field(author, 'username')),
      isAnonymous: text(field(author, 'isAnonymous')) === 'true',
      isDeleted: text(field(p, 'isDeleted')) === 'true',
      isSpam: text(field(p, 'isSpam')) === 'true',
    };
  });
  return { ok: true, threads, posts };
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** An element's text: a string, or the `#text` of one that also has attributes; '' when empty. */
function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const inner = field(value, '#text');
  return typeof inner === 'string' ? inner.trim() : '';
}

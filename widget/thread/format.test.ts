import { describe, expect, it } from 'vitest';
import { collapsed, formatComment, type Span } from './format.ts';

const t = (text: string): Span => ({ kind: 'text', text });
const strong = (...children: Span[]): Span => ({ kind: 'strong', children });
const em = (...children: Span[]): Span => ({ kind: 'em', children });
const code = (text: string): Span => ({ kind: 'code', text });
const br: Span = { kind: 'br' };
const link = (href: string, text: string): Span => ({ kind: 'link', href, text });

/** Everything a span tree shows, as text: what the reader reads. */
const shown = (spans: readonly Span[]): string => spans.map((s) => (s.kind === 'br' ? '\n' : 'children' in s ? shown(s.children) : s.text)).join('');

describe('formatComment', () => {
  const cases: [string, string, Span[][]][] = [
    ['plain text', 'Harga listrik naik.', [[t('Harga listrik naik.')]]],
    ['paragraphs on a blank line', 'Satu.\n\nDua.', [[t('Satu.')], [t('Dua.')]]],
    ['a blank line with spaces, and several', 'Satu.\n  \n\n\nDua.', [[t('Satu.')], [t('Dua.')]]],
    ['a line break inside a paragraph', 'Satu\nDua', [[t('Satu'), br, t('Dua')]]],
    ['Windows line ends', 'Satu\r\nDua\r\n\r\nTiga', [[t('Satu'), br, t('Dua')], [t('Tiga')]]],
    ['bold', 'Ini **penting** sekali', [[t('Ini '), strong(t('penting')), t(' sekali')]]],
    ['italic', 'Ini *miring* saja', [[t('Ini '), em(t('miring')), t(' saja')]]],
    ['code', 'Pakai `npm start` dulu', [[t('Pakai '), code('npm start'), t(' dulu')]]],
    ['italic inside bold', '**tebal *miring* tebal**', [[strong(t('tebal '), em(t('miring')), t(' tebal'))]]],
    ['bold inside italic', '*miring **tebal** miring*', [[em(t('miring '), strong(t('tebal')), t(' miring'))]]],
    ['bold italic', '***keduanya***', [[strong(em(t('keduanya')))]]],
    ['no markup inside code', '`**bukan** *ini*`', [[code('**bukan** *ini*')]]],
    ['an unclosed bold marker stays literal', 'Ini **belum ditutup', [[t('Ini **belum ditutup')]]],
    ['an unclosed italic marker stays literal', 'a *b', [[t('a *b')]]],
    ['an unclosed backtick stays literal', 'pakai `npm', [[t('pakai `npm')]]],
    ['empty markers stay literal', '**** `` **', [[t('**** `` **')]]],
    ['stars around spaces are arithmetic, not italic', '2 * 3 * 4 = 24', [[t('2 * 3 * 4 = 24')]]],
    ['a closer after a space does not close', '*a *b', [[t('*a *b')]]],
    ['a line break inside bold', '**satu\ndua**', [[strong(t('satu'), br, t('dua'))]]],
    ['markers do not cross paragraphs', '**satu\n\ndua**', [[t('**satu')], [t('dua**')]]],
    [
      'a link, as written',
      'Lihat https://situsenergi.com ya',
      [[t('Lihat '), link('https://situsenergi.com/', 'https://situsenergi.com'), t(' ya')]],
    ],
    ['a link with a path', 'http://contoh.id/a/b?x=1#c', [[link('http://contoh.id/a/b?x=1#c', 'http://contoh.id/a/b?x=1#c')]]],
    [
      'sentence punctuation after a link is not part of it',
      'Baca https://contoh.id/a.',
      [[t('Baca '), link('https://contoh.id/a', 'https://contoh.id/a'), t('.')]],
    ],
    ['a link in brackets', '(https://contoh.id/a)', [[t('('), link('https://contoh.id/a', 'https://contoh.id/a'), t(')')]]],
    [
      'a link with its own brackets',
      'https://id.wikipedia.org/wiki/A_(B)',
      [[link('https://id.wikipedia.org/wiki/A_(B)', 'https://id.wikipedia.org/wiki/A_(B)')]],
    ],
    ['a bold link', '**https://contoh.id**', [[strong(link('https://contoh.id/', 'https://contoh.id'))]]],
    [
      'a long link, whole',
      'https://situsenergi.com/berita/2025/03/harga-listrik-naik-lagi-mulai-april-ini',
      [
        [
          link(
            'https://situsenergi.com/berita/2025/03/harga-listrik-naik-lagi-mulai-april-ini',
            'https://situsenergi.com/berita/2025/03/harga-listrik-naik-lagi-mulai-april-ini',
          ),
        ],
      ],
    ],
    [
      'user info does not hide the real host, and is dropped',
      'https://bank.example@evil.example/login',
      [[link('https://evil.example/login', 'https://evil.example/login')]],
    ],
    [
      'an international domain shows as punycode',
      'https://bücher.example/',
      [[link('https://xn--bcher-kva.example/', 'https://xn--bcher-kva.example/')]],
    ],
    ['a host in capitals, as the browser reads it', 'https://Contoh.ID/A', [[link('https://contoh.id/A', 'https://contoh.id/A')]]],
    ['no link inside a word', 'xhttps://contoh.id', [[t('xhttps://contoh.id')]]],
    ['a scheme alone is no link', 'http:// saja', [[t('http:// saja')]]],
  ];

  it.each(cases)('reads %s', (_name, input, expected) => {
    expect(formatComment(input)).toEqual(expected);
  });

  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    'javascript:alert(1)',
    '[klik](javascript:alert(1))',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    '<a href="javascript:alert(1)">klik</a>',
    'vbscript:msgbox(1)',
    '**<b onmouseover=alert(1)>x</b>**',
    '`<svg onload=alert(1)>`',
    'JaVaScRiPt:alert(1)',
    '&lt;script&gt;',
  ];

  it.each(payloads)('keeps %s as literal text, with no link', (payload) => {
    const spans = formatComment(payload).flat();
    const links = (list: readonly Span[]): Span[] =>
      list.flatMap((s) => (s.kind === 'link' ? [s] : s.kind === 'strong' || s.kind === 'em' ? links(s.children) : []));
    expect(links(spans)).toEqual([]);
    expect(shown(spans)).toBe(payload.replace(/\*\*/g, '').replace(/`/g, ''));
  });

  it('links only to http(s), also when an attack follows a real URL', () => {
    const spans = formatComment('https://contoh.id/"onmouseover="alert(1) https://contoh.id/<script>').flat();
    expect(spans).toEqual([
      link('https://contoh.id/', 'https://contoh.id/'),
      t('"onmouseover="alert(1) '),
      link('https://contoh.id/', 'https://contoh.id/'),
      t('<script>'),
    ]);
  });

  it('drops leading and trailing blank lines, and gives nothing for a blank text', () => {
    expect(formatComment('\n\n  Halo  \n\n')).toEqual([[t('Halo')]]);
    expect(formatComment('  \n ')).toEqual([]);
  });
});

describe('collapsed', () => {
  it('leaves a comment of up to 600 characters and 8 lines whole', () => {
    expect(collapsed('a'.repeat(600))).toBeNull();
    expect(collapsed(Array(8).fill('baris').join('\n'))).toBeNull();
  });

  it('cuts a longer comment at a space, under 400 characters, with an ellipsis', () => {
    const text = 'kata '.repeat(200);
    const head = collapsed(text) ?? '';
    expect(head.length).toBeLessThanOrEqual(402);
    expect(head.endsWith('kata …')).toBe(true);
    expect(text.startsWith(head.slice(0, -2))).toBe(true);
  });

  it('shows the first 5 lines of a comment of many short lines', () => {
    const lines = Array.from({ length: 9 }, (_, i) => `baris ${i + 1}`);
    expect(collapsed(lines.join('\n'))).toBe(`${lines.slice(0, 5).join('\n')} …`);
  });
});

import { describe, expect, it } from 'vitest';
import { decodeEntities, disqusMessageToText } from './disqus-message.ts';

describe('disqusMessageToText', () => {
  it.each([
    ['keeps paragraphs as blank lines', '<p>Satu.</p><p>Dua.</p>', 'Satu.\n\nDua.'],
    ['keeps line breaks', '<p>baris satu<br>baris dua<br/>tiga</p>', 'baris satu\nbaris dua\ntiga'],
    ['ignores source newlines, which are layout', '<p>kalimat\n   yang sama</p>', 'kalimat yang sama'],
    ['turns bold, italic and code into the widget markers', '<b>tebal</b> <i>miring</i> <code>x=1</code>', '**tebal** *miring* `x=1`'],
    ['decodes entities', 'A &amp; B &lt;3 &quot;kutip&quot; &#39;s &#x1F331; caf&eacute;', 'A & B <3 "kutip" \'s 🌱 caf&eacute;'],
    [
      'shows a link as its address when the text is a shortened form of it',
      '<a href="https://situsenergi.com/2024/05/nikel-dan-lingkungan" rel="nofollow">situsenergi.com/2024/05/nikel…</a>',
      'https://situsenergi.com/2024/05/nikel-dan-lingkungan',
    ],
    [
      'shows a link with other text as the text and the address',
      'baca <a href="https://esdm.go.id/a">laporan ESDM</a>',
      'baca laporan ESDM (https://esdm.go.id/a)',
    ],
    ['keeps only the text of a link that is not http(s)', '<a href="javascript:alert(1)">klik</a>', 'klik'],
    [
      'drops other tags (keeping their text) and scripts',
      '<blockquote>kutipan</blockquote><span style="x">isi</span><script>x</script>',
      'kutipan\n\nisi',
    ],
    ['keeps list items on their own lines', '<ul><li>satu</li><li>dua</li></ul>', '- satu\n- dua'],
  ])('%s', (_name, html, text) => {
    expect(disqusMessageToText(html)).toBe(text);
  });

  it('leaves an unknown entity and an out-of-range code point as written', () => {
    expect(decodeEntities('&bogus; &#99999999;')).toBe('&bogus; &#99999999;');
  });
});

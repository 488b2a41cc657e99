import { describe, expect, it } from 'vitest';
import { ruleOutcome } from './test-helpers.ts';

describe('repetition rule', () => {
  const rows: readonly [string, string, string, string[]][] = [
    ['holds a long run of one character', 'Naik lagi!!!!!!!!!!!!', 'hold', ['!!!!!!!!!!!!']],
    ['holds one word repeated many times', 'beli beli beli beli sekarang', 'hold', ['beli beli beli beli']],
    ['publishes a short emphasis', 'Mantap!!! setuju banget', 'publish', []],
    ['holds a wall of laughter', `${'ha'.repeat(25)} listrik gratis katanya`, 'hold', ['ha'.repeat(25)]],
    ['publishes ordinary laughter', 'wkwkwkwkwk lucu banget beritanya', 'publish', []],
    ['publishes reduplication', 'Pejabat-pejabat itu harus diperiksa.', 'publish', []],
    ['publishes laughter written as one word', 'wkwkwkwk lucu juga', 'publish', []],
    [
      'holds a sentence pasted over and over',
      'Turunkan harga BBM sekarang. '.repeat(90).trim(),
      'hold',
      ['Turunkan harga BBM sekarang. '.repeat(90).trim().slice(0, -1)],
    ],
    ['holds a phrase repeated three times', 'naik lagi naik lagi naik lagi', 'hold', ['naik lagi naik lagi naik lagi']],
    ['holds an emoji run', 'Setuju 😡😡😡😡😡😡😡😡😡😡', 'hold', ['😡😡😡😡😡😡😡😡😡😡']],
    ['holds emoji repeated with spaces', 'Mantap 👍 👍 👍 👍 👍 👍 👍 👍 👍 👍 👍', 'hold', ['👍 👍 👍 👍 👍 👍 👍 👍 👍 👍 👍']],
    ['publishes a phrase said twice', 'Harga naik, harga naik, kata mereka setiap tahun.', 'publish', []],
    ['publishes laughter written long', 'hahahahahahahahahahahaha lucu', 'publish', []],
    ['holds emoji in groups with spaces between', `${'🔥🔥🔥 '.repeat(5)}berita panas`, 'hold', ['🔥🔥🔥 '.repeat(5).trim()]],
    ['holds punctuation in groups with spaces between', 'Ayo !!!!! !!!!! !!!!! !!!!! dukung', 'hold', ['!!!!! !!!!! !!!!! !!!!!']],
    ['publishes a few spaced exclamations', 'Naik lagi !!! !!! !!! parah', 'publish', []],
    ['publishes a few emoji of two kinds', 'Mantap 🔥🔥🔥 👍👍👍 🔥🔥 👍👍 setuju', 'publish', []],
    [
      'holds two chants, each doubled, said over and over',
      'save forest save forest, tolak tambang tolak tambang, save forest save forest, tolak tambang tolak tambang, save forest save forest',
      'hold',
      ['save forest save forest, tolak tambang tolak tambang, save forest save forest, tolak tambang tolak tambang, save forest save forest'],
    ],
    [
      'publishes a chant quoted once',
      "Warga meneriakkan 'tolak PLTU, tolak PLTU' di depan kantor gubernur sampai sore, polisi berjaga.",
      'publish',
      [],
    ],
  ];
  it.each(rows)('%s', (_name, text, action, found) => {
    const r = ruleOutcome('repetition', text);
    expect(r.action).toBe(action);
    expect(r.found).toEqual(found);
  });

  it('holds a long comment made of a few words shuffled over and over', () => {
    const parts = ['boikot PLN', 'PLN boikot', 'boikot sekarang', 'sekarang boikot PLN'];
    const text = Array.from({ length: 20 }, (_, i) => parts[(i * 7) % 4]).join(', ');
    expect(ruleOutcome('repetition', text).action).toBe('hold');
  });

  it('finds a short unit run when the site sets a low run length', () => {
    const r = ruleOutcome('repetition', 'ok ?!?!?! ok', { repetition: { maxCharRun: 3 } });
    expect(r.action).toBe('hold');
    expect(r.found).toEqual(['?!?!?!']);
  });

  it('quotes what is repeated in its message', () => {
    const r = ruleOutcome('repetition', 'beli beli beli beli sekarang');
    expect(r.reasons[0]?.message.en).toContain('"beli"');
  });
});

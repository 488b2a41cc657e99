import { describe, expect, it } from 'vitest';
import { ruleOutcome } from './test-helpers.ts';

describe('contact rule', () => {
  const rows: readonly [string, string, string, string[]][] = [
    ['holds an Indonesian mobile number', 'hubungi WA 0812-3456-7890 ya', 'hold', ['0812-3456-7890']],
    ['holds a number split by stars', 'hubungi ibu Ratna 0812 * 4456 * 7701', 'hold', ['0812 * 4456 * 7701']],
    ['holds a number with a letter for a digit', 'Call or WA 08I2-3344-5566 for deals', 'hold', ['08I2-3344-5566']],
    [
      'holds a spelled number in comma groups',
      'hub nol delapan satu dua, tiga tiga satu, tujuh delapan',
      'hold',
      ['hub nol delapan satu dua, tiga tiga satu, tujuh delapan'],
    ],
    [
      'holds an English spelled number after "plus"',
      'WhatsApp plus six two eight one one two two three three four',
      'hold',
      ['WhatsApp plus six two eight one one two two three three four'],
    ],
    ['publishes decimals with commas', 'Inflasi 0,8 persen, pertumbuhan 5,1 persen, defisit 2,3 persen.', 'publish', []],
    ['holds a +62 number with spaces', 'WhatsApp +62 812 3456 789 untuk info', 'hold', ['+62 812 3456 789']],
    ['holds a 62 number without plus', 'chat 6281234567890 sekarang', 'hold', ['6281234567890']],
    ['holds a wa.me link', 'klik wa.me/6281234567890', 'hold', ['wa.me/6281234567890']],
    ['holds an e-mail address', 'kirim CV ke rekrut.tambang@gmail.com', 'hold', ['rekrut.tambang@gmail.com']],
    ['holds an international number', 'call +44 20 7946 0958 now', 'hold', ['+44 20 7946 0958']],
    ['holds a chat handle named as a contact', 'info lengkap telegram @promo_genset', 'hold', ['telegram @promo_genset']],
    [
      'holds a number spelled partly in words after a contact word',
      'WA nol delapan satu dua 3456 7890 ya',
      'hold',
      ['WA nol delapan satu dua 3456 7890'],
    ],
    ['publishes number words that are counts', 'Saya call dua kali ke PLN dan tiga kali ke dinas.', 'publish', []],
    ['publishes a mention without a contact word', 'Setuju dengan @budi soal tarif.', 'publish', []],
    ['publishes prices and years', 'Harga naik dari Rp 2.500.000 pada 2023 ke 3.100.000 tahun 2024.', 'publish', []],
    ['publishes capacities and percentages', 'Kapasitas 1.080 MW, faktor kapasitas 85 persen.', 'publish', []],
    ['holds a number split by tildes', 'Obat herbal asli, hub 0812 ~ 7766 ~ 5544', 'hold', ['0812 ~ 7766 ~ 5544']],
    ['holds a number split by bullets', 'info lanjut WA 08•12•3344•5566', 'hold', ['08•12•3344•5566']],
    ['holds a number split by bars', 'pesan sekarang di 0812|3344|5566 gan', 'hold', ['0812|3344|5566']],
    ['holds a number with lower-case look-alike letters', 'hub o8l2-3344-55o6 kak', 'hold', ['o8l2-3344-55o6']],
    [
      'holds a number in six dotted groups, past the date-and-time exception',
      'w.a 08.57.66.12.34.01 jual token murah',
      'hold',
      ['08.57.66.12.34.01'],
    ],
    ['publishes a time range and a date', 'Rapat 08.00-12.00, lalu tanggal 08.12.2024 jam 10.00', 'publish', []],
    ['holds a number with a lower-case i for a 1', 'Transfer ke rek BCA, WA 08i2-7788-99OO', 'hold', ['08i2-7788-99OO']],
    ['holds a number split by slashes', 'pesan di 0813/5521/9044 ya', 'hold', ['0813/5521/9044']],
    ['holds a number in fullwidth digits', 'wa ０８１３ ５５２１ ９０４４ kak', 'hold', ['０８１３ ５５２１ ９０４４']],
    ['holds a number in circled digits', 'wa ⓪⑧①③ ⑤⑤②① ⑨⓪④④', 'hold', ['⓪⑧①③ ⑤⑤②① ⑨⓪④④']],
    ['publishes a date whose month is 08 and a time', 'Pemadaman 01.08.2024 10.12 WIB dan 01/08/2024 10/30.', 'publish', []],
    ['publishes fullwidth digits that are a year and a price', 'Tahun ２０２４ tarif naik ５％, katanya.', 'publish', []],
    ['holds a number split by underscores', 'Agen resmi, WA 0857_1122_3390 ya', 'hold', ['0857_1122_3390']],
    ['holds a number in keycap emoji', 'wa 0️⃣8️⃣5️⃣2️⃣ 1️⃣1️⃣ 3️⃣3️⃣ 7️⃣7️⃣ 9️⃣ jual kuota', 'hold', ['0️⃣8️⃣5️⃣2️⃣ 1️⃣1️⃣ 3️⃣3️⃣ 7️⃣7️⃣ 9️⃣']],
    ['holds a number starting with a letter O', 'Info order O813 2244 6688 kak', 'hold', ['O813 2244 6688']],
    [
      'holds a number word run together with digits and look-alike letters',
      'Cicilan 0%, hubungi kosong8ll-2345-6789 (l itu 1)',
      'hold',
      ['hubungi kosong8ll-2345-6789'],
    ],
    [
      'holds number words each followed by a digit',
      'Minat? wa nol8 satu2 tiga3 empat4 lima5 enam',
      'hold',
      ['wa nol8 satu2 tiga3 empat4 lima5 enam'],
    ],
    ['publishes a date and times that start with 08', 'Pemadaman 08.12.2024 pukul 08.00-12.00, 13.00-16.00 WIB.', 'publish', []],
    ['publishes an identifier with digits after underscores', 'Kolom kapasitas_08_2024_10_11 di dataset kosong.', 'publish', []],
    ['publishes a meter number and a token price', 'Token 500rb dapat 312 kWh, nomor meter 14123456789 kok cepat habis.', 'publish', []],
    ['publishes a short service number said in words', 'Hubungi PLN satu dua tiga, lalu tekan nol untuk operator lokal.', 'publish', []],
  ];
  it.each(rows)('%s', (_name, text, action, found) => {
    const r = ruleOutcome('contact', text);
    expect(r.action).toBe(action);
    expect(r.found).toEqual(found);
    for (const f of found) expect(r.reasons[0]?.message.en).toContain(f);
  });
});

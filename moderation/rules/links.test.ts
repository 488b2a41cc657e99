import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../policy.ts';
import { findLinks } from './links.ts';
import { ruleOutcome } from './test-helpers.ts';

describe('links rule', () => {
  const rows: readonly [string, string, PolicyInput, string, string[]][] = [
    ['publishes a comment without links', 'PLN harus transparan soal tarif.', {}, 'publish', []],
    ['publishes up to the maximum number of links', 'Data: https://esdm.go.id/a dan https://pln.co.id/b', {}, 'publish', []],
    ['holds more links than the maximum', 'a https://x.com b https://y.com c www.z.net', {}, 'hold', ['https://x.com', 'https://y.com', 'www.z.net']],
    ['holds a link shortener', 'lihat bit.ly/abc123 sekarang', {}, 'hold', ['bit.ly/abc123']],
    ['holds the Indonesian shortener s.id', 'daftar di s.id/promo', {}, 'hold', ['s.id/promo']],
    [
      'rejects a denied domain and its subdomains',
      'buka https://promo.judi.com/x',
      { links: { denyDomains: ['judi.com'] } },
      'reject',
      ['https://promo.judi.com/x'],
    ],
    [
      'does not count allowed domains',
      'a https://esdm.go.id b https://esdm.go.id/c d https://esdm.go.id/e',
      { links: { allowDomains: ['esdm.go.id'] } },
      'publish',
      [],
    ],
    ['holds link bait written without a link', 'Mau untung? Cek bio saya, link di bio.', {}, 'hold', ['Cek bio saya', 'link di bio']],
    [
      'holds a channel promoted in a comment',
      'Kak mampir dong ke channel aku, jangan lupa subscribe',
      {},
      'hold',
      ['mampir dong ke channel', 'channel aku', 'jangan lupa subscribe'],
    ],
    [
      'holds recruiting for a pyramid',
      'Bisnis MLM pupuk organik, rekrut 2 orang langsung dapat bonus 1jt',
      {},
      'hold',
      ['Bisnis MLM', 'rekrut 2 orang'],
    ],
    ['holds a referral code', 'Pakai kode referral ABC25 waktu daftar ya', {}, 'hold', ['kode referral']],
    ['holds a telegram group invitation', 'Join telegram kami untuk sinyal saham.', {}, 'hold', ['Join telegram']],
    ['publishes bait words when links are off', 'Cek bio saya.', { links: { enabled: false } }, 'publish', []],
    ['holds every link when the maximum is zero', 'sumber: https://esdm.go.id', { links: { max: 0 } }, 'hold', ['https://esdm.go.id']],
    ['does not take a missing space after a full stop for a link', 'Harga naik.Padahal janji turun.', {}, 'publish', []],
    ['holds a guarantee beside a return', 'Gabung sekarang, dijamin balik modal dalam 2 minggu', {}, 'hold', ['dijamin', 'balik modal']],
    [
      'holds a guaranteed monthly share',
      'Coal shares with guaranteed 25% monthly profits, spots are limited',
      {},
      'hold',
      ['guaranteed', 'profits', 'spots are limited'],
    ],
    [
      'holds a share per week with a call to get in touch',
      'Saham nikel, return 8% per minggu, minat japri aja',
      {},
      'hold',
      ['8% per minggu', 'minat'],
    ],
    [
      'holds money paid in for more money out',
      'Arisan berantai, yuk gabung: tf 200rb dapat 2 juta minggu depan',
      {},
      'hold',
      ['Arisan berantai', 'tf 200rb dapat 2 juta'],
    ],
    [
      'publishes a return guaranteed over years',
      'IPPs were guaranteed a 12% return under the PPA for 25 years, which is why tariffs went up.',
      {},
      'publish',
      [],
    ],
    ['holds a giveaway that asks for phone numbers', 'Free iPhone giveaway! Komen nomor HP kamu ya', {}, 'hold', ['Free iPhone', 'Komen nomor HP']],
    ['holds a WhatsApp group to join', 'Prediksi jitu tiap malam, gabung grup WA kami', {}, 'hold', ['gabung grup WA']],
    ['publishes a WhatsApp group a reader is in', 'Beritanya telat, udah rame di grup WA kantor dari kemarin.', {}, 'publish', []],
    ['holds money paid in for more out within days', 'Setor 200rb, terima 2 juta dalam 3 hari', {}, 'hold', ['Setor 200rb, terima 2 juta']],
    ["publishes a reader's own arisan", 'Saya setor 500rb tiap bulan ke arisan RT, dapat 5 juta pas giliran.', {}, 'publish', []],
    ['publishes a payback over years', 'Modal 20 juta jadi 35 juta setelah 5 tahun pakai PLTS atap.', {}, 'publish', []],
    ['publishes investment news with a share', 'Investasi nikel naik 30% tahun ini, kata BKPM.', {}, 'publish', []],
    ['publishes a tariff rise per year with "dijamin"', 'Tarif naik 30% per tahun, dijamin rakyat makin susah.', {}, 'publish', []],
    ['publishes a warning about promised returns', 'Nobody can guarantee 40% monthly returns, that is a scam.', {}, 'publish', []],
    ['publishes a monthly figure beside a list', 'Inflasi 0,5% per bulan, daftar lengkapnya di situs BPS.', {}, 'publish', []],
    ['publishes a rooftop payback', 'PLTS atap saya balik modal dalam 6 tahun, hemat 30% per bulan.', {}, 'publish', []],
    ['publishes a token price paid in', 'Token 500rb dapat 312 kWh, setor ke bank dulu.', {}, 'publish', []],
    ['publishes asking by DM', 'Saya sudah tanya lewat DM ke akun PLN, belum dibalas.', {}, 'publish', []],
  ];
  it.each(rows)('%s', (_name, text, policy, action, found) => {
    const r = ruleOutcome('links', text, policy);
    expect(r.action).toBe(action);
    expect(r.found).toEqual(found);
  });

  it('reports the host of each link', () => {
    expect(findLinks('see https://www.Example.com/path?q=1, then bit.ly/x.').map((l) => l.host)).toEqual(['example.com', 'bit.ly']);
  });
});

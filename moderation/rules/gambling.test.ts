import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../policy.ts';
import { ruleOutcome } from './test-helpers.ts';

describe('gambling rule', () => {
  const rows: readonly [string, string, PolicyInput, string][] = [
    ['holds "slot gacor"', 'Main di situs slot gacor hari ini pasti menang', {}, 'hold'],
    ['holds the address of a gambling site', 'Hoki parah, coba situs ini ya kak: slotmania.com', {}, 'hold'],
    ['publishes a word that only ends in a gambling word', 'Jadwal rapat ada di timeslot.io ya', {}, 'publish'],
    ['publishes a gambling site blocked in the news', 'Kominfo blokir slotmania.com dan 200 situs lain minggu ini', {}, 'publish'],
    ['holds a slot game judol spam names', 'Hoki parah, menang 20 juta di slot zeus, coba situs ini ya kak', {}, 'hold'],
    ['holds "maxwin"', 'auto MAXWIN bosku', {}, 'hold'],
    ['holds disguised vocabulary', 'SL0T G4C0R anti rungkad', {}, 'hold'],
    ['holds togel', 'prediksi togel malam ini', {}, 'hold'],
    ['holds "situs judi"', 'daftar situs judi terpercaya', {}, 'hold'],
    ['publishes "slot" in its ordinary sense', 'Slot waktu rapat dengar pendapat itu terlalu pendek.', {}, 'publish'],
    ['publishes a chirpy bird', 'Burung di kebun kami gacor setiap pagi.', {}, 'publish'],
    ['rejects when the site asks for it', 'slot gacor', { gambling: { action: 'reject' } }, 'reject'],
    ['holds a site-added term', 'main di zeus138 sekarang', { gambling: { terms: ['zeus'] } }, 'hold'],
    ['says nothing when disabled', 'slot gacor maxwin', { gambling: { enabled: false } }, 'publish'],
    ['holds a togel "bandar" offering numbers', 'Bandar resmi, pasang angka 4D diskon besar malam ini', {}, 'hold'],
    ['holds togel results by market', 'Keluaran HK malam ini sudah ada, cek BBFS jitu', {}, 'hold'],
    ['publishes a city named Bandar', 'Warga Bandar Lampung menang gugatan soal PLTU, angka polusinya turun.', {}, 'publish'],
    ['holds a casino with a withdrawal promise', 'Top online casino, instant withdrawal and a welcome bonus', {}, 'hold'],
    ['holds a casino word beside a bonus', 'Kasino terbaik Asia, bonus 150% buat member baru', {}, 'hold'],
    ['publishes a casino raid in the news', 'Police raided an online casino that offered deposit bonuses to students.', {}, 'publish'],
    ['publishes casinos in a report', 'Macau casinos reported record revenue this year, says the regulator.', {}, 'publish'],
    ['holds "gacor" beside payout slang', 'Gacor banget bos, WD lancar terus di situs ini', {}, 'hold'],
    ['holds a payout boast with its amount', 'Barusan WD 8jt dari situs sebelah, cobain deh', {}, 'hold'],
    ['holds two kinds of payout slang together', 'Depo dikit, WD lancar tiap hari, ketik NAGA88 di google', {}, 'hold'],
    ['publishes two forms of one payout word', 'Bank itu mempersulit withdraw, withdrawal fee naik lagi.', {}, 'publish'],
    ['holds a site name with a number beside "gacor"', 'Main di DEWA88 aja, lagi gacor tiap malam', {}, 'hold'],
    ['holds a site name in capitals to search for', 'Penasaran? Ketik NAGA303 di google', {}, 'hold'],
    ['publishes a regulation to search for', 'Cari Perpres112 di google, isinya soal pensiun dini PLTU.', {}, 'publish'],
    ['publishes a name with a number beside a bonus', 'Data COVID19 dan bonus demografi sering dibahas bareng.', {}, 'publish'],
    ['publishes a singing bird that won a bonus', 'Burung saya gacor, dapat bonus dari juri lomba kicau.', {}, 'publish'],
    ['publishes a bonus and a deposit at work', 'Bonus tahunan karyawan PLN cair, sebagian saya deposit ke bank.', {}, 'publish'],
  ];
  it.each(rows)('%s', (_name, text, policy, action) => {
    expect(ruleOutcome('gambling', text, policy).action).toBe(action);
  });

  it('names the words that make the shape of a promotion', () => {
    const r = ruleOutcome('gambling', 'Gacor parah, barusan WD 12jt di situs ini');
    expect(r.found).toEqual(['Gacor', 'WD']);
    expect(r.reasons[0]?.message.en).toContain('"Gacor", "WD"');
    expect(ruleOutcome('gambling', 'Alhamdulillah JP 5 juta lagi').found).toEqual(['JP 5 juta']);
    expect(ruleOutcome('gambling', 'Ketik NAGA303 di google').found).toEqual(['NAGA303', 'google']);
  });
});

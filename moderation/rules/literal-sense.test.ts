import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../policy.ts';
import { ruleOutcome } from './test-helpers.ts';

// Each row: the literal-sense reason's spans, and whether the profanity rule still held the text.
describe('literal-sense rule', () => {
  const rows: readonly [string, string, PolicyInput, string[], string, string][] = [
    ['lets a tracking dog through, with the context word', 'Anjing pelacak polisi menemukan bahan peledak.', {}, ['Anjing'], 'pelacak', 'publish'],
    ['reads context further than the next word', 'Anjing itu kemarin ikut berburu di hutan.', {}, ['Anjing'], 'berburu', 'publish'],
    ['reads a possessive after the word', 'Anjing saya sakit setelah makan cokelat.', {}, ['Anjing'], 'anjing saya', 'publish'],
    ['reads a possessive suffix', 'Anjingku selalu menunggu di depan pagar.', {}, ['Anjingku'], 'anjingku', 'publish'],
    ['reads a count before the word', 'Ada 40 babi yang hilang dari peternakan.', {}, ['babi'], 'babi', 'publish'],
    ['reads a female dog from breeding words', 'Our bitch had six puppies last week.', {}, ['bitch'], 'our bitch', 'publish'],
    ['reads a farm bird', 'The cock crowed before dawn and woke the whole village.', {}, ['cock'], 'crowed', 'publish'],
    ['reads a given name before a surname', 'Dick Advocaat once coached the national team.', {}, ['Dick'], 'dick advocaat', 'publish'],
    ['reads a place after a place word', 'Kapal bersandar di Pulau Babi sore itu.', {}, ['Babi'], 'pulau babi', 'publish'],
    ['reads a place from a region after a comma', 'The ferry from Dildo, Newfoundland, runs on diesel.', {}, ['Dildo'], 'newfoundland', 'publish'],
    [
      'reads a lower-case place word in running text',
      'Pembangkit biomassa di kota Bitche dibangun tahun lalu.',
      {},
      ['Bitche'],
      'kota bitche',
      'publish',
    ],
    [
      'reads a size word between the place word and its name',
      'Warga kota kecil Dildo kini punya turbin angin.',
      {},
      ['Dildo'],
      'kota kecil dildo',
      'publish',
    ],
    [
      'reads a known region after "in" opening the sentence',
      'Bitche in Lorraine is near the old coal basin.',
      {},
      ['Bitche'],
      'bitche in lorraine',
      'publish',
    ],
    ['reads a technical word in its sentence', 'The smelter sells its nickel slag to cement makers.', {}, ['slag'], 'smelter', 'publish'],
    ['reads a chat abbreviation as Indonesian among Indonesian words', 'Smg cpt sht ya pak, tetap semangat.', {}, ['sht'], 'smg', 'publish'],
    [
      'reads a place word even where most words are capitalised',
      'Banjir merendam Kecamatan Anjir Pasar di Barito Kuala.',
      {},
      ['Anjir'],
      'kecamatan anjir',
      'publish',
    ],
    ['reads "the village of"', 'The village of Fucking in Austria renamed itself.', {}, ['Fucking'], 'village of fucking', 'publish'],
    ['reads a kind of place after a comma', 'Pussy, a village in Savoie, runs on hydro power.', {}, ['Pussy'], 'a village', 'publish'],
    [
      'reads a capitalised word before "in" and a place',
      'The cable car up the Wank in Bavaria runs on hydro.',
      {},
      ['Wank'],
      'wank in bavaria',
      'publish',
    ],
    ['reads a listed surname after a given name opening the sentence', 'Sheila Dikshit ran Delhi.', {}, ['Dikshit'], 'sheila dikshit', 'publish'],
    ['reads a valve', 'The blowdown cock on the boiler was left open.', {}, ['cock'], 'blowdown', 'publish'],
    ['reads a file grade', 'Use a bastard file to deburr the flange.', {}, ['bastard'], 'file', 'publish'],
    ['reads ignition timing', 'Retarded spark timing lowers the knock risk.', {}, ['Retarded'], 'spark', 'publish'],
    [
      'reads a reduplicated animal as a plural',
      'Monyet-monyet di Sangeh masuk ke gardu listrik.',
      {},
      ['Monyet', 'monyet'],
      'monyet-monyet',
      'publish',
    ],
    ['reads an Indonesian place-name suffix', 'Kanal itu lewat Anjir Serapat ke Kapuas.', {}, ['Anjir'], 'anjir serapat', 'publish'],
    [
      'reads a known region after "in" and compass words',
      'Bitche in north-eastern France has a huge citadel.',
      {},
      ['Bitche'],
      'bitche in north',
      'publish',
    ],
    ['reads a Balinese name after the title "Cok"', 'Cok Gede Ariawan mendukung PLTS di desanya.', {}, ['Cok'], 'cok gede', 'publish'],
    [
      'reads a vulgar given name before a surname',
      'Gaylord Simmons of the World Bank visits Morowali.',
      {},
      ['Gaylord'],
      'gaylord simmons',
      'publish',
    ],
    ['reads a working donkey from farm words', "The farm's old jackass still pulls the water cart.", {}, ['jackass'], 'farm', 'publish'],
    ['reads a geological dyke in the plural', 'Dolerite dykes cut through the ultramafic sequence.', {}, ['dykes'], 'dolerite', 'publish'],
    ['reads a dog from Javanese "duwe" (has)', 'Simbahku duwe asu jenenge Belang.', {}, ['asu'], 'duwe', 'publish'],
    ['reads a stray taken in', 'Ada anjing stray di depan kantor PLN, akhirnya diadopsi satpam.', {}, ['anjing'], 'stray', 'publish'],
    ['reads the village road sign', 'Tourists pose with the Fucking sign that was stolen so often.', {}, ['Fucking'], 'the fucking sign', 'publish'],
    [
      'reads an insult quoted after a verb that reports it',
      "Ada yang dipenjara gara-gara bilang pejabat 'bego' di Twitter.",
      {},
      ['bego'],
      "bilang … 'bego'",
      'publish',
    ],
    ['reads a place after "namanya"', 'Ada kota namanya Dildo di Kanada, ternyata beneran ada.', {}, ['Dildo'], 'namanya dildo', 'publish'],
    ['reads a place after "ke"', 'Gw pernah ke Bitche waktu exchange di France.', {}, ['Bitche'], 'ke bitche', 'publish'],
    [
      'reads a chat plural with a 2 as animals counted',
      'Monyet2 di Kaliurang sering nongkrong di parkiran.',
      {},
      ['Monyet'],
      'monyet-monyet',
      'publish',
    ],
    ['reads pigs in a Toraja ceremony', 'Di Toraja babi jadi bagian penting upacara Rambu Solo.', {}, ['babi'], 'toraja', 'publish'],
    ['lets nothing through when the commenter reports their own insult', "I called him an 'idiot' and I meant it.", {}, [], '', 'publish'],
    ['lets nothing through for a quoted insult with no verb that reports it', "Dasar 'bego' lu", {}, [], '', 'hold'],
    ['lets nothing through for the plural "bastards" beside "cut"', 'Damn bastards cut the power again.', {}, [], '', 'hold'],
    ['lets nothing through for "sht" before an intensifier', 'PLN sht banget, mati lampu mulu.', {}, [], '', 'hold'],
    ['lets nothing through for an insult marker within two words', 'Dasar kau babi hutan!', {}, [], '', 'hold'],
    ['lets nothing through for a word alone in its clause', 'Anjing! Harga listrik naik lagi, pelacak apa pun tak membantu.', {}, [], '', 'hold'],
    ['lets nothing through when "lu" follows', 'Anjing lu, peliharaan aja nggak becus.', {}, [], '', 'hold'],
    ['lets nothing through for a core swear word in capitals', 'Fuck Jokowi and his ministers.', {}, [], '', 'hold'],
    [
      'lets nothing through when literal sense is off',
      'Anjing pelacak polisi menemukan bahan peledak.',
      { words: { literalSense: false } },
      [],
      '',
      'hold',
    ],
  ];
  it.each(rows)('%s', (_name, text, policy, found, cue, profanity) => {
    const r = ruleOutcome('literal-sense', text, policy);
    expect(r.found).toEqual(found);
    if (found.length > 0) {
      expect(r.action).toBe('publish');
      expect(r.reasons[0]?.message.en.toLowerCase()).toContain(cue);
    }
    expect(ruleOutcome('profanity', text, policy).action).toBe(profanity);
  });
});

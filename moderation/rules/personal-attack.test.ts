import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../policy.ts';
import { ruleOutcome } from './test-helpers.ts';

describe('personal-attack rule', () => {
  const rows: readonly [string, string, PolicyInput, string, string[]][] = [
    ['holds an English insult aimed at the reader', 'Honestly, you are an idiot.', {}, 'hold', ['you are an idiot']],
    ['holds a contracted "you\'re"', "You're such a moron, read the report first.", {}, 'hold', ["You're such a moron"]],
    ['holds "dasar" with an insult', 'Dasar idiot, baca dulu beritanya.', {}, 'hold', ['Dasar idiot']],
    ['holds a second-person word after the insult', 'Bodoh banget sih lu.', {}, 'hold', ['Bodoh banget sih lu']],
    ['holds "kamu bodoh"', 'Kamu bodoh kalau percaya itu.', {}, 'hold', ['Kamu bodoh']],
    ['holds a compound insult by itself', 'Otak udang lu, mikir dong.', {}, 'hold', ['Otak udang lu']],
    ['holds a third-person insult of the author', 'The author is clearly a moron.', {}, 'hold', ['author is clearly a moron']],
    ['holds an Indonesian third-person insult', 'Penulisnya memang bodoh.', {}, 'hold', ['Penulisnya memang bodoh']],
    ['holds an insult standing alone as the sentence', 'Idiot!', {}, 'hold', ['Idiot']],
    ['holds a vocative after a comma', 'Shut up, clown.', {}, 'hold', ['Shut up', 'clown']],
    ['holds a disguised insult word', 'you are an 1d10t', {}, 'hold', ['you are an 1d10t']],
    ['holds insult words in a row after "you"', 'Read the report, you ignorant fool.', {}, 'hold', ['you ignorant fool']],
    ['holds a person called an insult with a copula and article', 'This minister is a fraud.', {}, 'hold', ['minister is a fraud']],
    ['holds a telling-off', 'Stop being an idiot and read the table.', {}, 'hold', ['Stop being an idiot']],
    ['holds a colloquial "lu" after an insult noun', 'Sampah lu, kerjanya nyinyir doang.', {}, 'hold', ['Sampah lu', 'lu, kerjanya nyinyir']],
    ['holds a person without manners', 'Pejabat gak ada akhlak semua.', {}, 'hold', ['Pejabat gak ada akhlak']],
    ['holds "what a" with an English insult noun', 'What a clown this minister is.', {}, 'hold', ['What a clown']],
    ['holds "only an idiot would"', 'Only an idiot would buy these shares.', {}, 'hold', ['Only an idiot']],
    ['holds one word of its own after the article', 'You sound like a paid shill.', {}, 'hold', ['You sound like a paid shill']],
    ['holds an insult noun between commas', 'Keep crying, snowflake, the tariff is fair.', {}, 'hold', ['snowflake']],
    [
      'holds an opening clause of insult words',
      'Typical brainwashed sheep, believes every press release.',
      {},
      'hold',
      ['Typical brainwashed sheep'],
    ],
    ['holds a person named after the insult', 'Such a stupid woman.', {}, 'hold', ['stupid woman']],
    ['holds the writer of the article', 'Penulis artikel ini pembohong besar.', {}, 'hold', ['Penulis artikel ini pembohong']],
    ['holds a regional second person', 'Ngana bodok skali.', {}, 'hold', ['Ngana bodok']],
    ['holds "kayak kalian" after an insult noun', 'Tikus got kayak kalian bikin subsidi bocor.', {}, 'hold', ['Tikus got kayak kalian']],
    ['holds a soft exclamation aimed at the reader', 'Anjay lu, baru tahu ya.', {}, 'hold', ['Anjay lu']],
    ['holds a phrase opened by an allowlisted word', 'Kamu nggak berguna sama sekali.', {}, 'hold', ['Kamu nggak berguna']],
    ['holds an ordinary noun when the reader is named with it', "You're a joke, mate.", {}, 'hold', ["You're a joke"]],
    ['holds a demonstrative before an insult noun', 'Look at this clown defending the cartel.', {}, 'hold', ['this clown']],
    ['holds an insult noun before a relative clause', 'Another idiot who never read the report.', {}, 'hold', ['Another idiot']],
    ['holds "imagine being"', 'Imagine being this dumb.', {}, 'hold', ['Imagine being this dumb']],
    ['holds a sarcastic vocative', 'Hey genius, coal is not renewable.', {}, 'hold', ['Hey genius']],
    ['holds "only" before a plural insult noun', 'Only morons believe the government numbers.', {}, 'hold', ['Only morons']],
    ['holds an insult of a person after "of a"', 'Absolute clown of a minister.', {}, 'hold', ['clown of a minister']],
    ['holds an official named before the insult', 'Pejabat bodoh semua di sini.', {}, 'hold', ['Pejabat bodoh']],
    ['publishes an official beside a negated insult', 'The minister said the plan was not stupid at all.', {}, 'publish', []],
    ['publishes an ordinary noun said of a thing', 'This is a joke, the tariff went up twice.', {}, 'publish', []],
    ['publishes praise with a sarcastic word', 'He is a genius when it comes to grid balancing.', {}, 'publish', []],
    [
      'publishes an insult quoted as what someone else called a person',
      "My neighbour called the minister a 'lying hack' and got reported for it.",
      {},
      'publish',
      [],
    ],
    ['holds an insult the commenter quotes as their own', "I called him an 'idiot' and I meant it.", {}, 'hold', ["him an 'idiot"]],
    ['publishes a compound with an insult noun', 'This clown show of a hearing lasted six hours.', {}, 'publish', []],
    ['publishes the idiom "only a fool would"', 'Only a fool would ignore the forecast, the report says.', {}, 'publish', []],
    ['publishes an exclamation standing alone', 'Crazy! The whole island runs on solar now.', {}, 'publish', []],
    ['publishes a soft exclamation aimed at nobody', 'Anjay, panel suryanya murah banget.', {}, 'publish', []],
    ['publishes an insult noun in a list', 'We have clowns, fools, and liars in every parliament.', {}, 'publish', []],
    ['publishes "kamu" after an insult noun, a possessive', 'Sampah kamu jangan dibuang ke sungai.', {}, 'publish', []],
    ['publishes a copula and article before an insult word that is not the end', 'It is a stupid idea to cut the subsidy now.', {}, 'publish', []],
    ['rejects when the site says so', 'Kamu bodoh.', { personalAttack: { action: 'reject' } }, 'reject', ['Kamu bodoh']],
    ['publishes when the site turns it off', 'Kamu bodoh.', { personalAttack: { enabled: false } }, 'publish', []],
    ['publishes an insult word aimed at nobody', 'Kebijakan subsidi itu bodoh dan mahal.', {}, 'publish', []],
    ['publishes a negated insult', 'You are not stupid for asking this.', {}, 'publish', []],
    ['publishes "kamu tidak bodoh"', 'Kamu tidak bodoh, datanya memang membingungkan.', {}, 'publish', []],
    ['publishes an idiom with an insult word', 'Bodo amat sama harga BBM, saya naik sepeda.', {}, 'publish', []],
    ['publishes an insult word opening a list', 'Sampah, limbah, dan polusi udara jadi masalah di Cilegon.', {}, 'publish', []],
    ['publishes "you" far from the insult word', 'You think the plan is stupid, but the numbers work.', {}, 'publish', []],
    ['holds the reader named earlier in the clause', 'You are literally too stupid to argue with.', {}, 'hold', ['You are literally too stupid to']],
    ['holds an insult of what a commenter wrote', 'Congrats on the dumbest take of the year.', {}, 'hold', ['dumbest take']],
    ['holds an Indonesian insult of a comment', 'Komentar idiot kayak gini gak usah dibalas.', {}, 'hold', ['Komentar idiot']],
    ["holds a question about the reader's brain", 'Lu punya otak gak sih? Baca dulu.', {}, 'hold', ['Lu punya otak gak']],
    ['holds a political label as an insult', 'Dasar togog, kerjanya cuma angguk-angguk.', {}, 'hold', ['Dasar togog']],
    [
      'holds a person named with "kayak gini" between',
      'Pejabat kayak gini pengkhianat bangsa.',
      {},
      'hold',
      ['Pejabat kayak gini pengkhianat bangsa'],
    ],
    [
      'holds an Indonesian insult of a person named earlier in the sentence',
      'Dirut PLN itu penipu kelas kakap.',
      {},
      'hold',
      ['Dirut PLN itu penipu', 'penipu kelas kakap'],
    ],
    [
      'holds an insult at the end of a sentence that named the reader',
      'Ente kagak ngerti soal tambang, diem aja deh bloon.',
      {},
      'hold',
      ['Ente kagak ngerti soal tambang, diem aja deh bloon'],
    ],
    [
      'holds a person called an insult with two words of their own after the article',
      'The regent is a greedy little crook.',
      {},
      'hold',
      ['regent is a greedy little crook'],
    ],
    ['publishes an insult in reported speech', 'Menteri bilang kebijakan lama itu penipu rakyat.', {}, 'publish', []],
    ['publishes "you" when a new subject stands between', 'Kamu bilang kebijakan itu bodoh, tapi datanya benar.', {}, 'publish', []],
  ];
  it.each(rows)('%s', (_name, text, policy, action, found) => {
    const r = ruleOutcome('personal-attack', text, policy);
    expect(r.action).toBe(action);
    expect(r.found).toEqual(found);
  });

  it('quotes the words that insult in its message', () => {
    const r = ruleOutcome('personal-attack', 'Dasar idiot.');
    expect(r.reasons[0]?.message.en).toContain('"Dasar idiot"');
    expect(r.reasons[0]?.message.id).toContain('"Dasar idiot"');
  });
});

import { describe, expect, it } from 'vitest';
import type { ErrorReason } from '../protocol/errors.ts';
import { chooseLang, errorMessage, messages, refusalMessage, sentences, toLang } from './i18n.ts';

const limits = { textMax: 5000, nameMax: 60, reportNoteMax: 500 };

describe('i18n', () => {
  it('points to the composer above the list in the empty state, in both languages', () => {
    expect(messages('id').empty).toBe('Belum ada komentar. Jadilah yang pertama berkomentar lewat formulir di atas!');
    expect(messages('en').empty).toBe('No comments yet. Be the first to comment, in the form above.');
    for (const lang of ['id', 'en'] as const) expect(messages(lang).empty).not.toMatch(/below|di bawah/);
  });

  it('reads Indonesian from id, id-ID and the legacy in, English from en-GB, nothing from others', () => {
    expect(toLang('id')).toBe('id');
    expect(toLang('id-ID')).toBe('id');
    expect(toLang('in')).toBe('id');
    expect(toLang('en-GB')).toBe('en');
    expect(toLang('fr')).toBeNull();
    expect(toLang('')).toBeNull();
  });

  it('counts comments in each language', () => {
    expect(messages('en').heading(1, 0)).toBe('1 comment');
    expect(messages('en').heading(3, 0)).toBe('3 comments');
    expect(messages('id').heading(3, 0)).toBe('3 komentar');
    expect(messages('id').heading(1200, 0)).toBe('1.200 komentar');
    expect(messages('en').heading(1200, 0)).toBe('1,200 comments');
  });

  it("counts the viewer's own held comments beside the published ones", () => {
    expect(messages('en').heading(2, 1)).toBe('2 comments (+1 of yours awaiting review)');
    expect(messages('en').heading(0, 2)).toBe('0 comments (+2 of yours awaiting review)');
    expect(messages('id').heading(2, 1)).toBe('2 komentar (+1 milik Anda menunggu moderasi)');
  });

  it('counts more replies and likes in each language', () => {
    expect(messages('en').c.moreReplies(1)).toBe('Show 1 more reply');
    expect(messages('en').c.moreReplies(1200)).toBe('Show 1,200 more replies');
    expect(messages('id').c.moreReplies(3)).toBe('Tampilkan 3 balasan lagi');
    expect(messages('en').c.likes(1)).toBe('1 like');
    expect(messages('en').c.likes(1200)).toBe('1,200 likes');
    expect(messages('id').c.likes(1200)).toBe('1.200 suka');
    expect(messages('en').c.likeLabel('Sari')).toBe('Like the comment by Sari');
  });

  it('says whom a reply answers, and who is commenting, in each language', () => {
    expect(messages('en').c.replyingTo('Budi')).toBe('replying to Budi');
    expect(messages('id').c.replyingTo('Budi')).toBe('membalas Budi');
    expect(messages('en').c.commentingAs('Ani')).toBe('Commenting as Ani');
    expect(messages('id').c.commentingAs('Ani')).toBe('Berkomentar sebagai Ani');
  });

  it('words a reserved name, a closed edit window and a refused sign-in in both languages', () => {
    for (const code of ['NAME_RESERVED', 'EDIT_WINDOW_CLOSED', 'SSO_INVALID'] as const) {
      const en = errorMessage('en', { code, message: 'server words' }, limits);
      const id = errorMessage('id', { code, message: 'server words' }, limits);
      expect(en).not.toBe('server words');
      expect(id).not.toBe('server words');
      expect(id).not.toBe(en);
    }
    expect(errorMessage('id', { code: 'NAME_RESERVED', message: 'x', field: 'authorName' }, limits)).toMatch(/nama/i);
    expect(errorMessage('en', { code: 'EDIT_WINDOW_CLOSED', message: 'x' }, limits)).toMatch(/delete/);
  });

  const reasonCases: [string, string[], string][] = [
    ['one sentence with its stop', ['Contains a link.'], 'Contains a link.'],
    ['sentences with and without stops', ['Contains a link.', 'Contains a suspect word'], 'Contains a link. Contains a suspect word.'],
    ['a stray semicolon or comma at the end', ['Contains a link;', 'Too many capitals,'], 'Contains a link. Too many capitals.'],
    ['a question or an ellipsis kept', ['Spam?', 'Repeated…'], 'Spam? Repeated…'],
    ['blank ones dropped', ['', '  ', 'Contains a link'], 'Contains a link.'],
  ];
  it.each(reasonCases)('joins reasons as sentences: %s', (_name, list, joined) => {
    expect(sentences(list)).toBe(joined);
    expect(sentences(list)).not.toMatch(/[.;]\s*;|\.\./);
  });

  it('says Reason or Reasons before them', () => {
    expect(messages('en').reason(['Contains a link.'])).toBe('Reason: Contains a link.');
    expect(messages('en').reason(['Contains a link.', 'Contains a suspect word.'])).toBe('Reasons: Contains a link. Contains a suspect word.');
    expect(messages('id').reason(['Berisi tautan', 'Berisi kata mencurigakan.'])).toBe('Alasan: Berisi tautan. Berisi kata mencurigakan.');
  });

  it('names the posting shortcut for the reader keyboard', () => {
    expect(messages('en').shortcut('Ctrl+Enter')).toBe('Ctrl+Enter to post');
    expect(messages('en').shortcut('⌘+Enter')).toBe('⌘+Enter to post');
    expect(messages('id').shortcut('Ctrl+Enter')).toBe('Ctrl+Enter untuk mengirim');
  });

  it('announces one live comment with its author and excerpt, several with their number', () => {
    expect(messages('en').arrived(1, 'Sari', 'Halo')).toBe('New comment from Sari: Halo');
    expect(messages('id').arrived(3, 'Sari', 'Halo')).toBe('3 komentar baru');
  });

  const langCases: [string, string | null | undefined, string[], 'id' | 'en'][] = [
    ['the declared id', 'id', ['en-US'], 'id'],
    ['the declared en over an Indonesian browser', 'en-GB', ['id-ID', 'id'], 'en'],
    ['the legacy in', 'in', [], 'id'],
    ['the browser when the page declares nothing', null, ['id-ID', 'en'], 'id'],
    ['the browser when the declared attribute is empty', '', ['id'], 'id'],
    ["the browser's first language we speak", undefined, ['fr-FR', 'de', 'id', 'en'], 'id'],
    ['the browser when the page declares a language we do not speak', 'fr', ['fr', 'en-US', 'id'], 'en'],
    ['English when nothing says', null, [], 'en'],
    ['English when neither speaks ours', 'ja', ['ja', 'ko'], 'en'],
  ];
  it.each(langCases)('chooses %s', (_name, declared, browser, lang) => {
    expect(chooseLang(declared, browser)).toBe(lang);
  });

  it('explains an invalid field in the reader language', () => {
    expect(errorMessage('id', { code: 'INVALID_INPUT', message: '"text" must not be empty.', field: 'text', reason: 'empty' }, limits)).toBe(
      'Silakan tulis komentar terlebih dahulu.',
    );
    expect(
      errorMessage(
        'en',
        { code: 'INVALID_INPUT', message: '"authorName" must be at most 60 characters.', field: 'authorName', reason: 'too_long' },
        limits,
      ),
    ).toBe('A name can be at most 60 characters.');
  });

  it('picks the sentence from the field and the reason, never from the English message', () => {
    const invalid = (field: string, reason: ErrorReason, message = 'Something about the field.') => ({
      code: 'INVALID_INPUT' as const,
      message,
      field,
      reason,
    });
    expect(errorMessage('en', invalid('text', 'empty'), limits)).toBe('Please write a comment first.');
    expect(errorMessage('en', invalid('text', 'missing'), limits)).toBe('Please write a comment first.');
    expect(errorMessage('id', invalid('text', 'too_long'), limits)).toBe('Komentar paling banyak 5.000 karakter.');
    expect(errorMessage('en', invalid('authorName', 'empty'), limits)).toBe('Please enter your name.');
    expect(errorMessage('id', invalid('authorName', 'too_long'), limits)).toBe('Nama paling banyak 60 karakter.');
    // A message that merely mentions "empty" says nothing about which sentence applies.
    expect(errorMessage('en', invalid('text', 'too_long', '"text" is too long; empty it a little.'), limits)).toBe(
      'A comment can be at most 5,000 characters.',
    );
  });

  it('shows the server message for an invalid field it has no sentence for, or one without a reason', () => {
    expect(errorMessage('en', { code: 'INVALID_INPUT', message: '"page" is not a valid page id.', field: 'page', reason: 'invalid' }, limits)).toBe(
      '"page" is not a valid page id.',
    );
    expect(errorMessage('en', { code: 'INVALID_INPUT', message: '"text" must not be empty.', field: 'text' }, limits)).toBe(
      '"text" must not be empty.',
    );
  });

  it('translates known codes and falls back to the server message for others', () => {
    expect(errorMessage('id', { code: 'RATE_LIMITED', message: 'slow down' }, limits)).toMatch(/terlalu cepat/);
    expect(errorMessage('en', { code: 'UNKNOWN_EVENT', message: 'No such event: x.' }, limits)).toBe('No such event: x.');
  });

  it('says how long to wait when posting too quickly, in one sentence', () => {
    expect(errorMessage('id', { code: 'RATE_LIMITED', message: 'x', retryAfterMs: 4_200 }, limits)).toBe(
      'Anda mengirim terlalu cepat. Anda dapat mengirim lagi dalam 5 detik.',
    );
    expect(errorMessage('en', { code: 'RATE_LIMITED', message: 'x', retryAfterMs: 1_000 }, limits)).toBe(
      'You are posting too quickly. You can post again in 1 second.',
    );
  });

  it('shows a long wait in minutes and seconds, not as a pile of seconds', () => {
    expect(errorMessage('en', { code: 'RATE_LIMITED', message: 'x', retryAfterMs: 599_100 }, limits)).toBe(
      'You are posting too quickly. You can post again in 10 minutes.',
    );
    expect(errorMessage('en', { code: 'RATE_LIMITED', message: 'x', retryAfterMs: 65_000 }, limits)).toBe(
      'You are posting too quickly. You can post again in 1 minute 5 seconds.',
    );
    expect(errorMessage('id', { code: 'RATE_LIMITED', message: 'x', retryAfterMs: 125_000 }, limits)).toBe(
      'Anda mengirim terlalu cepat. Anda dapat mengirim lagi dalam 2 menit 5 detik.',
    );
  });

  it('explains a refused handshake: a malformed site id points at the embed code, other codes as usual', () => {
    expect(refusalMessage('en', { code: 'INVALID_INPUT', message: 'Handshake: "site" is not a valid site id.' }, limits)).toBe(
      'The embed code does not name a valid site: check its data-site attribute.',
    );
    expect(refusalMessage('id', { code: 'INVALID_INPUT', message: 'x' }, limits)).toBe(
      'Kode sematan tidak menyebut situs yang sah: periksa atribut data-site-nya.',
    );
    expect(refusalMessage('id', { code: 'ORIGIN_NOT_ALLOWED', message: 'x' }, limits)).toMatch(/^Alamat web ini tidak diizinkan/);
  });

  it('says in both languages that the server cannot be reached and that a comment waits for the connection', () => {
    expect(messages('en').unreachable).toBe('Cannot reach the comment server. Trying again…');
    expect(messages('id').unreachable).toBe('Server komentar tidak dapat dihubungi. Mencoba lagi…');
    expect(messages('en').queued).toBe('Your comment will be sent when the connection is back.');
    expect(messages('id').queued).toBe('Komentar Anda akan dikirim begitu koneksi tersambung kembali.');
  });

  it('has every English key in Indonesian too', () => {
    expect(Object.keys(messages('id').errors.byCode).sort()).toEqual(Object.keys(messages('en').errors.byCode).sort());
  });

  it('thanks a reporter, or says they already reported it, in both languages', () => {
    expect(messages('id').report.thanks).toBe('Terima kasih, moderator akan meninjaunya.');
    expect(messages('en').report.thanks).toBe('Thanks — the moderators will take a look.');
    expect(messages('id').report.open).toBe('Laporkan');
    expect(messages('en').report.open).toBe('Report');
    expect(messages('en').report.already).toMatch(/already reported/);
    expect(messages('id').report.already).toMatch(/sudah melaporkan/);
  });

  it('names every report reason in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      const names = Object.values(messages(lang).report.reasons);
      expect(Object.keys(messages(lang).report.reasons).sort()).toEqual(['abuse', 'off_topic', 'other', 'spam']);
      expect(new Set(names).size).toBe(4);
    }
  });

  it('tells the author which held comment a moderator did not publish, politely', () => {
    expect(messages('en').declined('Halo semua')).toBe('After review, your comment “Halo semua” was not published. Thank you for understanding.');
    expect(messages('id').declined('Halo semua')).toBe(
      'Setelah ditinjau, komentar Anda “Halo semua” tidak diterbitkan. Terima kasih atas pengertian Anda.',
    );
  });

  it('explains a report note that is too long, and shows the server message when the limit is not given', () => {
    const tooLong = { code: 'INVALID_INPUT' as const, message: '"note" must be at most 500 characters.', field: 'note', reason: 'too_long' as const };
    expect(errorMessage('id', tooLong, limits)).toBe('Catatan paling banyak 500 karakter.');
    expect(errorMessage('en', tooLong, limits)).toBe('A note can be at most 500 characters.');
    expect(errorMessage('en', tooLong, { textMax: 5000, nameMax: 60 })).toBe('"note" must be at most 500 characters.');
  });

  it('says a reported comment no longer exists in the reader language', () => {
    expect(errorMessage('id', { code: 'NOT_FOUND', message: 'No such comment.' }, limits)).toBe('Komentar itu sudah tidak ada.');
  });
});

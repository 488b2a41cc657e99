/**
 * The widget's words in Indonesian and English. Every string a reader sees comes from here;
 * every error code from the server maps to a sentence in the reader's language (a code mapped
 * to null, and a validation error without a sentence for its field and reason, shows the
 * server's own message).
 */
import type { ErrorCode, WireError } from '../protocol/errors.ts';
import type { ConnectErrorData, ReportReason, ThreadSort } from '../protocol/events.ts';

export const Lang = { id: 'id', en: 'en' } as const;
export type Lang = (typeof Lang)[keyof typeof Lang];

export interface Messages {
  /** Heading before the count is known. */
  title: string;
  /** The count of published comments, and the viewer's own held ones beside it (only they see those). */
  heading: (count: number, held: number) => string;
  /** No comments yet, and the composer (above the list) is open. */
  empty: string;
  loading: string;
  nameLabel: string;
  namePlaceholder: string;
  textLabel: string;
  textPlaceholder: string;
  post: string;
  posting: string;
  /** The keyboard shortcut that posts (`keys`: "Ctrl+Enter", "⌘+Enter"), next to the button. */
  shortcut: (keys: string) => string;
  counter: (used: number, max: number) => string;
  awaitingReview: string;
  awaitingReviewNote: string;
  /** The moderation reasons, each a sentence: "Reason: …", "Reasons: … …". */
  reason: (sentences: readonly string[]) => string;
  /** Under one's own held comment when the server did not say why (a snapshot after a reload does not). */
  reviewNote: string;
  showMore: string;
  showLess: string;
  /** The polite announcement of comments that arrived live from others: one with its author and excerpt, several by number. */
  arrived: (count: number, author: string, excerpt: string) => string;
  rejected: string;
  loadMore: string;
  loadingMore: string;
  reconnecting: string;
  /** Trying for a while without reaching the server (it is down, or the network is). */
  unreachable: string;
  /** Under the composer while a posted comment waits for the connection. */
  queued: string;
  unavailableTitle: string;
  justNow: string;
  /** A moderator rejected the reader's held comment (it left the thread); the excerpt says which. */
  declined: (excerpt: string) => string;
  dismiss: string;
  report: {
    /** The control under someone else's comment. */
    open: string;
    /** Its accessible name, saying whose comment. */
    openLabel: (author: string) => string;
    legend: string;
    reasons: Record<ReportReason, string>;
    noteLabel: (max: number) => string;
    send: string;
    sending: string;
    cancel: string;
    chooseReason: string;
    thanks: string;
    already: string;
  };
  /** Replies, likes, sorting, editing, deleting and who the viewer is (issue 9). */
  c: {
    reply: string;
    /** The reply button's accessible name, saying whose comment. */
    replyLabel: (author: string) => string;
    replyText: string;
    sendReply: string;
    cancel: string;
    /** Above a reply not shown under the comment it answers. */
    replyingTo: (name: string) => string;
    moreReplies: (n: number) => string;
    /** Beside a top-level comment with replies: how many (published, every depth). */
    replyCount: (n: number) => string;
    deleted: string;
    like: string;
    /** The like button's accessible name, saying whose comment. */
    likeLabel: (author: string) => string;
    /** The count beside it. */
    likes: (n: number) => string;
    sortLabel: string;
    sorts: Record<ThreadSort, string>;
    edit: string;
    editText: string;
    save: string;
    saving: string;
    /** The shortcut that saves an edit, next to the save button. */
    saveShortcut: (keys: string) => string;
    edited: string;
    /** The "edited" mark's tooltip, with the time in the reader's language. */
    editedAt: (time: string) => string;
    delete: string;
    deleteConfirm: string;
    deleting: string;
    commentingAs: (name: string) => string;
    signOut: string;
    verified: string;
    moderator: string;
  };
  /** A rate limit's answer with its wait: one sentence, so the reader sees one figure. */
  postAgainIn: (seconds: number) => string;
  errors: {
    nameRequired: string;
    textRequired: string;
    textTooLong: (max: number) => string;
    nameTooLong: (max: number) => string;
    noteTooLong: (max: number) => string;
    timeout: string;
    /** A handshake refused as INVALID_INPUT: the embed's data-site is malformed. */
    badEmbed: string;
    /**
     * A sentence for every code but INVALID_INPUT (worded from field and reason instead); null
     * shows the server's own message. Total, so a new error code does not compile until it is worded.
     */
    byCode: Record<Exclude<ErrorCode, 'INVALID_INPUT'>, string | null>;
  };
}

const en: Messages = {
  title: 'Comments',
  heading: (n, held) => `${n === 1 ? '1 comment' : `${n.toLocaleString('en')} comments`}${held ? ` (+${held} of yours awaiting review)` : ''}`,
  empty: 'No comments yet. Be the first to comment, in the form above.',
  loading: 'Loading comments…',
  nameLabel: 'Your name',
  namePlaceholder: 'Name shown with your comment',
  textLabel: 'Your comment',
  textPlaceholder: 'Write a comment…',
  post: 'Post comment',
  posting: 'Posting…',
  shortcut: (keys) => `${keys} to post`,
  counter: (used, max) => `${used.toLocaleString('en')} / ${max.toLocaleString('en')}`,
  awaitingReview: 'Awaiting review',
  awaitingReviewNote: 'Only you can see this comment for now.',
  reason: (list) => `Reason${list.length > 1 ? 's' : ''}: ${sentences(list)}`,
  reviewNote: 'A moderator will look at it before others can see it.',
  showMore: 'Show more',
  showLess: 'Show less',
  arrived: (n, author, text) => (n > 1 ? `${n} new comments` : `New comment from ${author}: ${text}`),
  rejected: 'Your comment was not published.',
  loadMore: 'Load older comments',
  loadingMore: 'Loading…',
  reconnecting: 'Connection lost. Reconnecting…',
  unreachable: 'Cannot reach the comment server. Trying again…',
  queued: 'Your comment will be sent when the connection is back.',
  unavailableTitle: 'Comments are not available on this site.',
  justNow: 'just now',
  declined: (excerpt) => `After review, your comment “${excerpt}” was not published. Thank you for understanding.`,
  dismiss: 'Dismiss',
  report: {
    open: 'Report',
    openLabel: (author) => `Report the comment by ${author}`,
    legend: 'Why are you reporting this comment?',
    reasons: { spam: 'Spam or advertising', abuse: 'Abusive or hateful', off_topic: 'Off topic', other: 'Something else' },
    noteLabel: (max) => `Note for the moderators (optional, up to ${max.toLocaleString('en')} characters)`,
    send: 'Send report',
    sending: 'Sending…',
    cancel: 'Cancel',
    chooseReason: 'Please choose a reason first.',
    thanks: 'Thanks — the moderators will take a look.',
    already: 'You have already reported this comment. The moderators will take a look.',
  },
  c: {
    reply: 'Reply',
    replyLabel: (a) => `Reply to ${a}`,
    replyText: 'Your reply',
    sendReply: 'Post reply',
    cancel: 'Cancel',
    replyingTo: (n) => `replying to ${n}`,
    moreReplies: (n) => (n === 1 ? 'Show 1 more reply' : `Show ${n.toLocaleString('en')} more replies`),
    replyCount: (n) => (n === 1 ? '1 reply' : `${n.toLocaleString('en')} replies`),
    deleted: 'This comment was deleted.',
    like: 'Like',
    likeLabel: (a) => `Like the comment by ${a}`,
    likes: (n) => (n === 1 ? '1 like' : `${n.toLocaleString('en')} likes`),
    sortLabel: 'Sort by',
    sorts: { newest: 'Newest first', oldest: 'Oldest first', likes: 'Most liked' },
    edit: 'Edit',
    editText: 'Edit your comment',
    save: 'Save',
    saving: 'Saving…',
    saveShortcut: (keys) => `${keys} to save, Escape to cancel`,
    edited: 'edited',
    editedAt: (t) => `Edited ${t}`,
    delete: 'Delete',
    deleteConfirm: 'Delete this comment? This cannot be undone.',
    deleting: 'Deleting…',
    commentingAs: (n) => `Commenting as ${n}`,
    signOut: 'Sign out',
    verified: 'verified',
    moderator: 'Moderator',
  },
  postAgainIn: (s) => `You are posting too quickly. You can post again in ${waitText(s, 'en')}.`,
  errors: {
    nameRequired: 'Please enter your name.',
    textRequired: 'Please write a comment first.',
    textTooLong: (max) => `A comment can be at most ${max.toLocaleString('en')} characters.`,
    nameTooLong: (max) => `A name can be at most ${max} characters.`,
    noteTooLong: (max) => `A note can be at most ${max.toLocaleString('en')} characters.`,
    timeout: 'The server did not answer in time. Your comment was not lost: try posting again.',
    badEmbed: 'The embed code does not name a valid site: check its data-site attribute.',
    byCode: {
      UNKNOWN_SITE: 'This site is not registered with the comment service.',
      ORIGIN_NOT_ALLOWED: 'This web address is not allowed to show comments for this site.',
      PAYLOAD_TOO_LARGE: 'That comment is too large to send.',
      THREAD_CLOSED: 'Comments are closed for this article.',
      AUTHOR_BANNED: 'You can no longer post comments on this site.',
      RATE_LIMITED: 'You are posting too quickly. Please wait a moment and try again.',
      UNAVAILABLE: 'The comment service is temporarily unavailable. Please try again.',
      INTERNAL: 'Something went wrong on the server. Please try again.',
      NOT_FOUND: 'That comment no longer exists.',
      EDIT_WINDOW_CLOSED: 'The time for editing this comment has passed. You can still delete it.',
      NAME_RESERVED: 'That name is reserved on this site. Please choose another.',
      SSO_INVALID: 'Your sign-in could not be confirmed, so you are commenting as a guest.',
      // Only a client of another version sends an event this server does not know: its message says which.
      UNKNOWN_EVENT: null,
      // Moderator-only answers: a reader's widget never asks for them; the server's message is plain.
      UNAUTHENTICATED: null,
      FORBIDDEN: null,
      SIGN_IN_FAILED: null,
      ALREADY_DECIDED: null,
    },
  },
};

const id: Messages = {
  title: 'Komentar',
  heading: (n, held) => `${n.toLocaleString('id')} komentar${held ? ` (+${held} milik Anda menunggu moderasi)` : ''}`,
  empty: 'Belum ada komentar. Jadilah yang pertama berkomentar lewat formulir di atas!',
  loading: 'Memuat komentar…',
  nameLabel: 'Nama Anda',
  namePlaceholder: 'Nama yang tampil bersama komentar',
  textLabel: 'Komentar Anda',
  textPlaceholder: 'Tulis komentar…',
  post: 'Kirim komentar',
  posting: 'Mengirim…',
  shortcut: (keys) => `${keys} untuk mengirim`,
  counter: (used, max) => `${used.toLocaleString('id')} / ${max.toLocaleString('id')}`,
  awaitingReview: 'Menunggu moderasi',
  awaitingReviewNote: 'Untuk sementara hanya Anda yang dapat melihat komentar ini.',
  reason: (list) => `Alasan: ${sentences(list)}`,
  reviewNote: 'Moderator akan meninjaunya sebelum pembaca lain dapat melihatnya.',
  showMore: 'Tampilkan selengkapnya',
  showLess: 'Tampilkan lebih sedikit',
  arrived: (n, author, text) => (n > 1 ? `${n} komentar baru` : `Komentar baru dari ${author}: ${text}`),
  rejected: 'Komentar Anda tidak diterbitkan.',
  loadMore: 'Muat komentar sebelumnya',
  loadingMore: 'Memuat…',
  reconnecting: 'Koneksi terputus. Menyambungkan kembali…',
  unreachable: 'Server komentar tidak dapat dihubungi. Mencoba lagi…',
  queued: 'Komentar Anda akan dikirim begitu koneksi tersambung kembali.',
  unavailableTitle: 'Komentar tidak tersedia di situs ini.',
  justNow: 'baru saja',
  declined: (excerpt) => `Setelah ditinjau, komentar Anda “${excerpt}” tidak diterbitkan. Terima kasih atas pengertian Anda.`,
  dismiss: 'Tutup',
  report: {
    open: 'Laporkan',
    openLabel: (author) => `Laporkan komentar dari ${author}`,
    legend: 'Mengapa Anda melaporkan komentar ini?',
    reasons: { spam: 'Spam atau iklan', abuse: 'Kasar atau menghina', off_topic: 'Tidak sesuai topik', other: 'Lainnya' },
    noteLabel: (max) => `Catatan untuk moderator (opsional, paling banyak ${max.toLocaleString('id')} karakter)`,
    send: 'Kirim laporan',
    sending: 'Mengirim…',
    cancel: 'Batal',
    chooseReason: 'Silakan pilih alasannya terlebih dahulu.',
    thanks: 'Terima kasih, moderator akan meninjaunya.',
    already: 'Anda sudah melaporkan komentar ini. Moderator akan meninjaunya.',
  },
  c: {
    reply: 'Balas',
    replyLabel: (a) => `Balas komentar ${a}`,
    replyText: 'Balasan Anda',
    sendReply: 'Kirim balasan',
    cancel: 'Batal',
    replyingTo: (n) => `membalas ${n}`,
    moreReplies: (n) => `Tampilkan ${n.toLocaleString('id')} balasan lagi`,
    replyCount: (n) => `${n.toLocaleString('id')} balasan`,
    deleted: 'Komentar ini telah dihapus.',
    like: 'Suka',
    likeLabel: (a) => `Sukai komentar ${a}`,
    likes: (n) => `${n.toLocaleString('id')} suka`,
    sortLabel: 'Urutkan',
    sorts: { newest: 'Terbaru', oldest: 'Terlama', likes: 'Paling disukai' },
    edit: 'Sunting',
    editText: 'Sunting komentar Anda',
    save: 'Simpan',
    saving: 'Menyimpan…',
    saveShortcut: (keys) => `${keys} untuk menyimpan, Escape untuk batal`,
    edited: 'disunting',
    editedAt: (t) => `Disunting ${t}`,
    delete: 'Hapus',
    deleteConfirm: 'Hapus komentar ini? Tindakan ini tidak dapat dibatalkan.',
    deleting: 'Menghapus…',
    commentingAs: (n) => `Berkomentar sebagai ${n}`,
    signOut: 'Keluar',
    verified: 'terverifikasi',
    moderator: 'Moderator',
  },
  postAgainIn: (s) => `Anda mengirim terlalu cepat. Anda dapat mengirim lagi dalam ${waitText(s, 'id')}.`,
  errors: {
    nameRequired: 'Silakan isi nama Anda.',
    textRequired: 'Silakan tulis komentar terlebih dahulu.',
    textTooLong: (max) => `Komentar paling banyak ${max.toLocaleString('id')} karakter.`,
    nameTooLong: (max) => `Nama paling banyak ${max} karakter.`,
    noteTooLong: (max) => `Catatan paling banyak ${max.toLocaleString('id')} karakter.`,
    timeout: 'Server tidak menjawab tepat waktu. Komentar Anda tidak hilang: coba kirim lagi.',
    badEmbed: 'Kode sematan tidak menyebut situs yang sah: periksa atribut data-site-nya.',
    byCode: {
      UNKNOWN_SITE: 'Situs ini tidak terdaftar di layanan komentar.',
      ORIGIN_NOT_ALLOWED: 'Alamat web ini tidak diizinkan menampilkan komentar untuk situs ini.',
      PAYLOAD_TOO_LARGE: 'Komentar terlalu besar untuk dikirim.',
      THREAD_CLOSED: 'Komentar untuk artikel ini sudah ditutup.',
      AUTHOR_BANNED: 'Anda tidak dapat lagi berkomentar di situs ini.',
      RATE_LIMITED: 'Anda mengirim terlalu cepat. Tunggu sebentar lalu coba lagi.',
      UNAVAILABLE: 'Layanan komentar sedang tidak tersedia. Silakan coba lagi.',
      INTERNAL: 'Terjadi kesalahan di server. Silakan coba lagi.',
      NOT_FOUND: 'Komentar itu sudah tidak ada.',
      EDIT_WINDOW_CLOSED: 'Waktu untuk menyunting komentar ini sudah lewat. Anda masih dapat menghapusnya.',
      NAME_RESERVED: 'Nama itu dicadangkan di situs ini. Silakan pilih nama lain.',
      SSO_INVALID: 'Proses masuk Anda tidak dapat dipastikan, jadi Anda berkomentar sebagai tamu.',
      UNKNOWN_EVENT: null,
      // Moderator-only answers: a reader's widget never asks for them; the server's message is plain.
      UNAUTHENTICATED: null,
      FORBIDDEN: null,
      SIGN_IN_FAILED: null,
      ALREADY_DECIDED: null,
    },
  },
};

const dictionaries: Record<Lang, Messages> = { en, id };

/** Sentences joined as sentences: each ends with its stop (one is added where missing), one space between. */
export function sentences(list: readonly string[]): string {
  return list
    .map((s) => s.trim().replace(/[;,:]+$/, ''))
    .filter((s) => s !== '')
    .map((s) => (/[.!?…]$/.test(s) ? s : `${s}.`))
    .join(' ');
}

/** "45 seconds", "1 minute 5 seconds", "10 minutes" (and the Indonesian, which has no plural). */
function waitText(totalSeconds: number, lang: Lang): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const unit = (n: number, en: string, id: string) => (lang === 'id' ? `${n} ${id}` : `${n} ${en}${n === 1 ? '' : 's'}`);
  const parts = [minutes > 0 ? unit(minutes, 'minute', 'menit') : '', seconds > 0 || minutes === 0 ? unit(seconds, 'second', 'detik') : ''];
  return parts.filter((p) => p !== '').join(' ');
}

export function messages(lang: Lang): Messages {
  return dictionaries[lang];
}

/** Maps a BCP 47 tag to a language we speak: `id`, `id-ID` and the legacy `in` are Indonesian. */
export function toLang(tag: string | null | undefined): Lang | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'id' || primary === 'in') return 'id';
  if (primary === 'en') return 'en';
  return null;
}

/**
 * The language to speak: the page's nearest statement (`declared`: the element's own `lang`,
 * else the nearest ancestor's, up to `<html>`) when it is one we speak; else the first of the
 * browser's languages we speak (the page said none, or one we do not speak, so the reader's
 * own preference is the best guess); else English.
 */
export function chooseLang(declared: string | null | undefined, browser: readonly string[]): Lang {
  return toLang(declared) ?? browser.map(toLang).find((l) => l !== null) ?? 'en';
}

/** `chooseLang` for an element: the nearest `lang` attribute (its own included), then `navigator.languages`. */
export function resolveLang(element: Element): Lang {
  return chooseLang(element.closest('[lang]')?.getAttribute('lang'), navigator.languages ?? []);
}

/** What `errorMessage` reads: a request's WireError, or a refused handshake's data. */
export type ShownError = Pick<ConnectErrorData, 'code' | 'message'> & Partial<Pick<WireError, 'field' | 'reason' | 'retryAfterMs'>>;

/** The limits an error sentence may name (LIMITS has them all). */
export interface ShownLimits {
  textMax: number;
  nameMax: number;
  /** Without it, a report note's too_long shows the server's message. */
  reportNoteMax?: number;
}

/**
 * The sentence to show for a failed request. INVALID_INPUT is explained from its `field` and
 * `reason` (the English message is for people, not for matching); a pair or a code we have no
 * sentence for shows the server's message, which is at least specific.
 */
export function errorMessage(lang: Lang, error: ShownError, limits: ShownLimits): string {
  const m = messages(lang).errors;
  if (error.code === 'INVALID_INPUT') {
    const { field, reason } = error;
    const required = reason === 'empty' || reason === 'missing';
    const tooLong = reason === 'too_long';
    if (field === 'authorName' && (required || tooLong)) return required ? m.nameRequired : m.nameTooLong(limits.nameMax);
    if (field === 'text' && (required || tooLong)) return required ? m.textRequired : m.textTooLong(limits.textMax);
    if (field === 'note' && tooLong && limits.reportNoteMax !== undefined) return m.noteTooLong(limits.reportNoteMax);
    return error.message;
  }
  const sentence = m.byCode[error.code] ?? error.message;
  if (error.code === 'RATE_LIMITED' && error.retryAfterMs !== undefined && error.retryAfterMs > 0) {
    return messages(lang).postAgainIn(Math.ceil(error.retryAfterMs / 1000));
  }
  return sentence;
}

/**
 * Why the server refused the connection for good. INVALID_INPUT at the handshake can only be
 * the site id the embed code sent, so the sentence points the site owner there.
 */
export function refusalMessage(lang: Lang, refusal: ShownError, limits: ShownLimits): string {
  return refusal.code === 'INVALID_INPUT' ? messages(lang).errors.badEmbed : errorMessage(lang, refusal, limits);
}

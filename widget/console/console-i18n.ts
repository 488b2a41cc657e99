/**
 * The moderation console's words, in Indonesian and English, in the manner of widget/i18n.ts:
 * every sentence a moderator reads comes from here, and every error code maps to one (total,
 * so a new code does not compile until it is worded). The language follows the browser unless
 * the moderator picked one; Indonesian when the browser names neither.
 */
import type { ErrorCode, WireError, DecidedBy } from '../../protocol/errors.ts';
import type { ReportReason } from '../../protocol/events.ts';
import type { AuditAction, BanDuration, ModerationQueue, QueueReason } from '../../protocol/moderation.ts';
import { toLang, type Lang } from '../i18n.ts';
import { formatRelativeTime } from '../relative-time.ts';
import type { ConsoleCommand } from './keyboard-map.ts';
import type { Outcome } from './chart-geometry.ts';

export type { Lang };

export interface ConsoleMessages {
  appTitle: string;
  language: string;
  languageNames: Record<Lang, string>;
  signedInAs: (email: string) => string;
  signOut: string;
  site: string;
  nav: { queues: string; policy: string; overview: string; audit: string; label: string };
  connecting: string;
  reconnecting: string;
  loading: string;
  justNow: string;
  signIn: {
    heading: string;
    email: string;
    password: string;
    submit: string;
    submitting: string;
    /** One sentence for a wrong email and a wrong password alike. */
    failed: string;
    tryAgainIn: (seconds: number) => string;
  };
  queues: Record<ModerationQueue, string>;
  queueTabs: string;
  /** After a queue's name, for screen readers: "(3 comments)". */
  countLabel: (count: number) => string;
  order: { label: string; newest: string; oldest: string };
  filters: { legend: string; page: string; rule: string; search: string; apply: string; clear: string };
  empty: string;
  loadMore: string;
  selectAll: string;
  selectedCount: (n: number) => string;
  approveSelected: string;
  rejectSelected: string;
  item: {
    label: (author: string) => string;
    select: string;
    reasons: string;
    reports: string;
    reportReasons: Record<ReportReason, string>;
    inReplyTo: (name: string) => string;
    page: string;
    authorId: string;
    firstSeen: string;
    never: string;
    approvedCount: (n: number) => string;
    rejectedCount: (n: number) => string;
    bannedUntil: (when: string) => string;
    bannedForever: string;
    trusted: string;
    history: string;
    lastDecision: (action: DecidedBy['action'], by: string, when: string) => string;
    decisionReason: (reason: string) => string;
    actionsLabel: string;
  };
  actions: { approve: string; reject: string; ban: string; unban: string; trust: string; untrust: string; cancel: string; close: string };
  rejectDialog: { title: string; reason: string; typed: string; typedLabel: string; presets: string[]; confirm: string; many: (n: number) => string };
  banDialog: {
    title: (name: string) => string;
    duration: string;
    durations: Record<BanDuration, string>;
    rejectPending: string;
    reason: string;
    confirm: string;
  };
  outcome: {
    approved: string;
    rejected: string;
    banned: (rejected: number) => string;
    unbanned: string;
    trusted: string;
    untrusted: string;
    alreadyDecided: (decided: DecidedBy, relative: string) => string;
    bulk: (done: number, notDone: number) => string;
  };
  keys: { title: string; open: string; does: Record<ConsoleCommand['kind'], string> };
  drawer: { title: (name: string) => string; recent: string; none: string; status: Record<'published' | 'pending' | 'rejected' | 'deleted', string> };
  policy: {
    heading: string;
    editor: string;
    comment: string;
    source: (by: string | null, when: string | null) => string;
    preview: string;
    save: string;
    saved: string;
    previewFirst: string;
    stale: string;
    result: (examined: number, changed: number) => string;
    before: string;
    after: string;
    actions: Record<QueueReason['action'], string>;
    notJson: (detail: string) => string;
    field: (field: string) => string;
  };
  overview: {
    heading: string;
    chartTitle: string;
    chartDesc: (days: number, total: number) => string;
    outcomes: Record<Outcome, string>;
    table: string;
    day: string;
    approvedByModerator: string;
    rejectedByModerator: string;
    topRules: string;
    noRules: string;
  };
  audit: {
    heading: string;
    when: string;
    who: string;
    what: string;
    why: string;
    change: string;
    export: string;
    empty: string;
    actions: Record<AuditAction, string>;
    comment: (id: string, page: string) => string;
    author: (id: string) => string;
    policy: string;
  };
  errors: { timeout: string; byCode: Record<ErrorCode, string | null> };
}

const count = (lang: Lang, n: number) => n.toLocaleString(lang);

const en: ConsoleMessages = {
  appTitle: 'Rembuk moderation',
  language: 'Language',
  languageNames: { id: 'Bahasa Indonesia', en: 'English' },
  signedInAs: (email) => `Signed in as ${email}`,
  signOut: 'Sign out',
  site: 'Site',
  nav: { queues: 'Queues', policy: 'Policy', overview: 'Overview', audit: 'Audit log', label: 'Console sections' },
  connecting: 'Connecting…',
  reconnecting: 'Connection lost. Reconnecting…',
  loading: 'Loading…',
  justNow: 'just now',
  signIn: {
    heading: 'Sign in to moderate',
    email: 'Email',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    failed: 'That email and password do not match an account.',
    tryAgainIn: (s) => `Too many sign-in attempts. Try again in ${waitText(s, 'en')}.`,
  },
  queues: { pending: 'Pending', reported: 'Reported', rejected: 'Rejected', approved: 'Approved' },
  queueTabs: 'Queues',
  countLabel: (n) => `(${n === 1 ? '1 comment' : `${count('en', n)} comments`})`,
  order: { label: 'Order', newest: 'Newest first', oldest: 'Oldest first' },
  filters: { legend: 'Filter', page: 'Page', rule: 'Rule', search: 'Author or text', apply: 'Filter', clear: 'Clear' },
  empty: 'Nothing here. New comments appear as they arrive.',
  loadMore: 'Load more',
  selectAll: 'Select all shown',
  selectedCount: (n) => `${n} selected`,
  approveSelected: 'Approve selected',
  rejectSelected: 'Reject selected',
  item: {
    label: (author) => `Comment by ${author}`,
    select: 'Select',
    reasons: 'Why it is here',
    reports: 'Reports',
    reportReasons: { spam: 'Spam', abuse: 'Abuse', off_topic: 'Off topic', other: 'Other' },
    inReplyTo: (name) => `In reply to ${name}`,
    page: 'Page',
    authorId: 'Author id',
    firstSeen: 'First seen',
    never: 'never',
    approvedCount: (n) => `${count('en', n)} approved`,
    rejectedCount: (n) => `${count('en', n)} rejected`,
    bannedUntil: (when) => `Banned until ${when}`,
    bannedForever: 'Banned for good',
    trusted: 'Trusted',
    history: 'Recent comments',
    lastDecision: (action, by, when) => `${action === 'approve' ? 'Approved' : 'Rejected'} by ${by}, ${when}`,
    decisionReason: (reason) => `Reason: ${reason}`,
    actionsLabel: 'Actions',
  },
  actions: {
    approve: 'Approve',
    reject: 'Reject',
    ban: 'Ban author',
    unban: 'Unban',
    trust: 'Mark trusted',
    untrust: 'Untrust',
    cancel: 'Cancel',
    close: 'Close',
  },
  rejectDialog: {
    title: 'Reject comment',
    reason: 'Reason',
    typed: 'Another reason…',
    typedLabel: 'Reason in your words',
    presets: ['Spam', 'Abuse or harassment', 'Off topic', 'Personal information', 'Hate speech'],
    confirm: 'Reject',
    many: (n) => `Reject ${n === 1 ? '1 comment' : `${count('en', n)} comments`}`,
  },
  banDialog: {
    title: (name) => `Ban ${name}`,
    duration: 'For how long',
    durations: { '1d': '1 day', '7d': '7 days', permanent: 'For good' },
    rejectPending: 'Also reject their comments awaiting review',
    reason: 'Reason (optional)',
    confirm: 'Ban',
  },
  outcome: {
    approved: 'Approved.',
    rejected: 'Rejected.',
    banned: (n) => (n === 0 ? 'Author banned.' : `Author banned; ${n === 1 ? '1 comment' : `${count('en', n)} comments`} rejected.`),
    unbanned: 'Author unbanned.',
    trusted: 'Author marked trusted.',
    untrusted: 'Author no longer trusted.',
    alreadyDecided: (d, when) => `Already decided by ${d.by}: ${d.action === 'approve' ? 'approved' : 'rejected'} ${when}.`,
    bulk: (done, notDone) => `${count('en', done)} decided${notDone > 0 ? `, ${count('en', notDone)} already decided or gone` : ''}.`,
  },
  keys: {
    title: 'Keyboard shortcuts',
    open: 'Keyboard shortcuts (?)',
    does: {
      next: 'Next comment',
      previous: 'Previous comment',
      approve: 'Approve',
      reject: 'Reject…',
      ban: 'Ban the author…',
      select: 'Select or unselect',
      queue: 'Switch queue (Pending, Reported, Rejected, Approved)',
      help: 'Show these keys',
    },
  },
  drawer: {
    title: (name) => `Recent comments by ${name}`,
    recent: 'Newest first',
    none: 'No comments stored.',
    status: { published: 'Published', pending: 'Awaiting review', rejected: 'Rejected', deleted: 'Deleted' },
  },
  policy: {
    heading: 'Moderation policy',
    editor: 'Policy (JSON)',
    comment: 'Comment',
    source: (by, when) => (by && when ? `Last saved by ${by}, ${when}.` : 'The site uses its configured policy.'),
    preview: 'Preview',
    save: 'Save',
    saved: 'Policy saved.',
    previewFirst: 'Preview this text before saving it.',
    stale: 'The text changed since this preview: preview again to save.',
    result: (examined, changed) => `Of the last ${count('en', examined)} comments, ${count('en', changed)} would be treated differently.`,
    before: 'Now',
    after: 'With this policy',
    actions: { publish: 'published', hold: 'held', reject: 'rejected' },
    notJson: (detail) => `This is not valid JSON: ${detail}`,
    field: (field) => `In ${field}:`,
  },
  overview: {
    heading: 'Overview',
    chartTitle: 'Comments per day, by outcome',
    chartDesc: (days, total) => `Stacked bars for the last ${days} days: published, held and rejected comments; ${count('en', total)} in all.`,
    outcomes: { published: 'Published', held: 'Held', rejected: 'Rejected' },
    table: 'Comments per day',
    day: 'Day',
    approvedByModerator: 'Approved by a moderator',
    rejectedByModerator: 'Rejected by a moderator',
    topRules: 'Rules that held most',
    noRules: 'No rule held a comment in these days.',
  },
  audit: {
    heading: 'Audit log',
    when: 'When',
    who: 'Who',
    what: 'What',
    why: 'Why',
    change: 'Before → after',
    export: 'Export JSON lines',
    empty: 'No moderator action yet.',
    actions: {
      approve: 'Approved',
      reject: 'Rejected',
      ban: 'Banned',
      unban: 'Unbanned',
      trust: 'Trusted',
      untrust: 'Untrusted',
      policy: 'Changed the policy',
    },
    comment: (id, page) => `comment ${id} on ${page}`,
    author: (id) => `author ${id}`,
    policy: 'the policy',
  },
  errors: {
    timeout: 'The server did not answer in time. Try again.',
    byCode: {
      INVALID_INPUT: null,
      PAYLOAD_TOO_LARGE: 'That is too large to send.',
      UNKNOWN_EVENT: null,
      UNKNOWN_SITE: 'This site is not registered.',
      ORIGIN_NOT_ALLOWED: 'This console must be opened from the Rembuk server’s own address.',
      NOT_FOUND: 'That comment no longer exists.',
      THREAD_CLOSED: 'Comments are closed on that page.',
      AUTHOR_BANNED: 'That author is banned.',
      RATE_LIMITED: 'Too many requests. Wait a moment and try again.',
      UNAVAILABLE: 'The server is temporarily unavailable. Try again.',
      UNAUTHENTICATED: 'Your session has ended. Sign in again.',
      FORBIDDEN: 'Your account may not do that on this site.',
      SIGN_IN_FAILED: 'That email and password do not match an account.',
      ALREADY_DECIDED: 'Another moderator decided this comment first.',
      // Readers' codes (edits, names, SSO): the console never sends what they answer.
      EDIT_WINDOW_CLOSED: null,
      NAME_RESERVED: null,
      SSO_INVALID: null,
      INTERNAL: 'Something went wrong on the server. Try again.',
    },
  },
};

const id: ConsoleMessages = {
  appTitle: 'Moderasi Rembuk',
  language: 'Bahasa',
  languageNames: { id: 'Bahasa Indonesia', en: 'English' },
  signedInAs: (email) => `Masuk sebagai ${email}`,
  signOut: 'Keluar',
  site: 'Situs',
  nav: { queues: 'Antrean', policy: 'Kebijakan', overview: 'Ringkasan', audit: 'Log audit', label: 'Bagian konsol' },
  connecting: 'Menyambungkan…',
  reconnecting: 'Koneksi terputus. Menyambungkan kembali…',
  loading: 'Memuat…',
  justNow: 'baru saja',
  signIn: {
    heading: 'Masuk untuk memoderasi',
    email: 'Email',
    password: 'Kata sandi',
    submit: 'Masuk',
    submitting: 'Sedang masuk…',
    failed: 'Email dan kata sandi itu tidak cocok dengan akun mana pun.',
    tryAgainIn: (s) => `Terlalu banyak percobaan masuk. Coba lagi dalam ${waitText(s, 'id')}.`,
  },
  queues: { pending: 'Tertunda', reported: 'Dilaporkan', rejected: 'Ditolak', approved: 'Disetujui' },
  queueTabs: 'Antrean',
  countLabel: (n) => `(${count('id', n)} komentar)`,
  order: { label: 'Urutan', newest: 'Terbaru dulu', oldest: 'Terlama dulu' },
  filters: { legend: 'Saring', page: 'Halaman', rule: 'Aturan', search: 'Penulis atau teks', apply: 'Saring', clear: 'Hapus' },
  empty: 'Tidak ada apa-apa di sini. Komentar baru muncul begitu masuk.',
  loadMore: 'Muat lagi',
  selectAll: 'Pilih semua yang tampil',
  selectedCount: (n) => `${count('id', n)} dipilih`,
  approveSelected: 'Setujui yang dipilih',
  rejectSelected: 'Tolak yang dipilih',
  item: {
    label: (author) => `Komentar oleh ${author}`,
    select: 'Pilih',
    reasons: 'Mengapa ada di sini',
    reports: 'Laporan',
    reportReasons: { spam: 'Spam', abuse: 'Pelecehan', off_topic: 'Di luar topik', other: 'Lainnya' },
    inReplyTo: (name) => `Membalas ${name}`,
    page: 'Halaman',
    authorId: 'Id penulis',
    firstSeen: 'Pertama terlihat',
    never: 'belum pernah',
    approvedCount: (n) => `${count('id', n)} disetujui`,
    rejectedCount: (n) => `${count('id', n)} ditolak`,
    bannedUntil: (when) => `Diblokir sampai ${when}`,
    bannedForever: 'Diblokir selamanya',
    trusted: 'Tepercaya',
    history: 'Komentar terbaru',
    lastDecision: (action, by, when) => `${action === 'approve' ? 'Disetujui' : 'Ditolak'} oleh ${by}, ${when}`,
    decisionReason: (reason) => `Alasan: ${reason}`,
    actionsLabel: 'Tindakan',
  },
  actions: {
    approve: 'Setujui',
    reject: 'Tolak',
    ban: 'Blokir penulis',
    unban: 'Buka blokir',
    trust: 'Tandai tepercaya',
    untrust: 'Cabut tepercaya',
    cancel: 'Batal',
    close: 'Tutup',
  },
  rejectDialog: {
    title: 'Tolak komentar',
    reason: 'Alasan',
    typed: 'Alasan lain…',
    typedLabel: 'Alasan dengan kata-kata Anda',
    presets: ['Spam', 'Pelecehan atau perundungan', 'Di luar topik', 'Informasi pribadi', 'Ujaran kebencian'],
    confirm: 'Tolak',
    many: (n) => `Tolak ${count('id', n)} komentar`,
  },
  banDialog: {
    title: (name) => `Blokir ${name}`,
    duration: 'Berapa lama',
    durations: { '1d': '1 hari', '7d': '7 hari', permanent: 'Selamanya' },
    rejectPending: 'Tolak juga komentarnya yang menunggu moderasi',
    reason: 'Alasan (tidak wajib)',
    confirm: 'Blokir',
  },
  outcome: {
    approved: 'Disetujui.',
    rejected: 'Ditolak.',
    banned: (n) => (n === 0 ? 'Penulis diblokir.' : `Penulis diblokir; ${count('id', n)} komentar ditolak.`),
    unbanned: 'Blokir penulis dibuka.',
    trusted: 'Penulis ditandai tepercaya.',
    untrusted: 'Penulis tidak lagi tepercaya.',
    alreadyDecided: (d, when) => `Sudah diputuskan oleh ${d.by}: ${d.action === 'approve' ? 'disetujui' : 'ditolak'} ${when}.`,
    bulk: (done, notDone) => `${count('id', done)} diputuskan${notDone > 0 ? `, ${count('id', notDone)} sudah diputuskan atau hilang` : ''}.`,
  },
  keys: {
    title: 'Pintasan papan ketik',
    open: 'Pintasan papan ketik (?)',
    does: {
      next: 'Komentar berikutnya',
      previous: 'Komentar sebelumnya',
      approve: 'Setujui',
      reject: 'Tolak…',
      ban: 'Blokir penulis…',
      select: 'Pilih atau batal pilih',
      queue: 'Ganti antrean (Tertunda, Dilaporkan, Ditolak, Disetujui)',
      help: 'Tampilkan tombol-tombol ini',
    },
  },
  drawer: {
    title: (name) => `Komentar terbaru oleh ${name}`,
    recent: 'Terbaru dulu',
    none: 'Tidak ada komentar tersimpan.',
    status: { published: 'Terbit', pending: 'Menunggu moderasi', rejected: 'Ditolak', deleted: 'Dihapus' },
  },
  policy: {
    heading: 'Kebijakan moderasi',
    editor: 'Kebijakan (JSON)',
    comment: 'Komentar',
    source: (by, when) => (by && when ? `Terakhir disimpan oleh ${by}, ${when}.` : 'Situs memakai kebijakan dari konfigurasinya.'),
    preview: 'Pratinjau',
    save: 'Simpan',
    saved: 'Kebijakan disimpan.',
    previewFirst: 'Pratinjau teks ini sebelum menyimpannya.',
    stale: 'Teks berubah sejak pratinjau ini: pratinjau lagi untuk menyimpan.',
    result: (examined, changed) => `Dari ${count('id', examined)} komentar terakhir, ${count('id', changed)} akan diperlakukan berbeda.`,
    before: 'Sekarang',
    after: 'Dengan kebijakan ini',
    actions: { publish: 'terbit', hold: 'ditahan', reject: 'ditolak' },
    notJson: (detail) => `Ini bukan JSON yang sah: ${detail}`,
    field: (field) => `Di ${field}:`,
  },
  overview: {
    heading: 'Ringkasan',
    chartTitle: 'Komentar per hari, menurut hasil',
    chartDesc: (days, total) =>
      `Batang bertumpuk untuk ${days} hari terakhir: komentar terbit, ditahan dan ditolak; ${count('id', total)} seluruhnya.`,
    outcomes: { published: 'Terbit', held: 'Ditahan', rejected: 'Ditolak' },
    table: 'Komentar per hari',
    day: 'Hari',
    approvedByModerator: 'Disetujui moderator',
    rejectedByModerator: 'Ditolak moderator',
    topRules: 'Aturan yang paling sering menahan',
    noRules: 'Tidak ada aturan yang menahan komentar pada hari-hari ini.',
  },
  audit: {
    heading: 'Log audit',
    when: 'Kapan',
    who: 'Siapa',
    what: 'Apa',
    why: 'Mengapa',
    change: 'Sebelum → sesudah',
    export: 'Ekspor JSON lines',
    empty: 'Belum ada tindakan moderator.',
    actions: {
      approve: 'Menyetujui',
      reject: 'Menolak',
      ban: 'Memblokir',
      unban: 'Membuka blokir',
      trust: 'Memercayai',
      untrust: 'Mencabut kepercayaan',
      policy: 'Mengubah kebijakan',
    },
    comment: (cid, page) => `komentar ${cid} di ${page}`,
    author: (aid) => `penulis ${aid}`,
    policy: 'kebijakan',
  },
  errors: {
    timeout: 'Server tidak menjawab tepat waktu. Coba lagi.',
    byCode: {
      INVALID_INPUT: null,
      PAYLOAD_TOO_LARGE: 'Itu terlalu besar untuk dikirim.',
      UNKNOWN_EVENT: null,
      UNKNOWN_SITE: 'Situs ini tidak terdaftar.',
      ORIGIN_NOT_ALLOWED: 'Konsol ini harus dibuka dari alamat server Rembuk sendiri.',
      NOT_FOUND: 'Komentar itu sudah tidak ada.',
      THREAD_CLOSED: 'Komentar di halaman itu sudah ditutup.',
      AUTHOR_BANNED: 'Penulis itu diblokir.',
      RATE_LIMITED: 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.',
      UNAVAILABLE: 'Server sedang tidak tersedia. Coba lagi.',
      UNAUTHENTICATED: 'Sesi Anda berakhir. Silakan masuk lagi.',
      FORBIDDEN: 'Akun Anda tidak boleh melakukan itu di situs ini.',
      SIGN_IN_FAILED: 'Email dan kata sandi itu tidak cocok dengan akun mana pun.',
      ALREADY_DECIDED: 'Moderator lain sudah memutuskan komentar ini lebih dulu.',
      EDIT_WINDOW_CLOSED: null,
      NAME_RESERVED: null,
      SSO_INVALID: null,
      INTERNAL: 'Terjadi kesalahan di server. Coba lagi.',
    },
  },
};

const dictionaries: Record<Lang, ConsoleMessages> = { en, id };

export function consoleMessages(lang: Lang): ConsoleMessages {
  return dictionaries[lang];
}

/** "45 seconds", "1 minute 5 seconds"; Indonesian has no plural. */
export function waitText(totalSeconds: number, lang: Lang): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const unit = (n: number, en: string, idWord: string) => (lang === 'id' ? `${n} ${idWord}` : `${n} ${en}${n === 1 ? '' : 's'}`);
  const parts = [minutes > 0 ? unit(minutes, 'minute', 'menit') : '', seconds > 0 || minutes === 0 ? unit(seconds, 'second', 'detik') : ''];
  return parts.filter((p) => p !== '').join(' ');
}

/**
 * The console's language: the one the moderator picked, else the first of the browser's
 * languages we speak, else Indonesian (the product's home language).
 */
export function pickLang(picked: string | null, browserLanguages: readonly string[]): Lang {
  const chosen = toLang(picked);
  if (chosen) return chosen;
  for (const tag of browserLanguages) {
    const lang = toLang(tag);
    if (lang) return lang;
  }
  return 'id';
}

/** "Already decided by ana@…: approved 5 minutes ago." */
export function alreadyDecidedText(lang: Lang, decided: DecidedBy, now: number): string {
  const m = consoleMessages(lang);
  return m.outcome.alreadyDecided(decided, formatRelativeTime(decided.at, now, lang, m.justNow));
}

/** The sentence for a failed request: the code's, or the server's own message when we have none (a validation error names its field). */
export function consoleErrorText(lang: Lang, error: Pick<WireError, 'code' | 'message' | 'retryAfterMs' | 'decided'>, now: number): string {
  if (error.code === 'ALREADY_DECIDED' && error.decided) return alreadyDecidedText(lang, error.decided, now);
  if (error.code === 'RATE_LIMITED' && (error.retryAfterMs ?? 0) > 0) {
    return consoleMessages(lang).signIn.tryAgainIn(Math.ceil((error.retryAfterMs ?? 0) / 1000));
  }
  return consoleMessages(lang).errors.byCode[error.code] ?? error.message;
}

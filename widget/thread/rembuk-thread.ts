/**
 * `<rembuk-thread>`: one article's live comment thread, for readers. Its public API (the
 * attributes, the event, the parts and the custom properties) is documented once, in the
 * JSDoc tags on the class below; `npm run docs:widget` copies it into the README, and
 * widget/docs/widget-api.test.ts fails when a rendered part or a used property is missing.
 *
 * Comment text is only ever interpolated as text into Lit templates (never as HTML): its
 * formatting (format.ts) becomes `<p>`, `<strong>`, `<em>`, `<code>` and `<a>` parts.
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { PublicComment } from '../../protocol/comment.ts';
import { LIMITS } from '../../protocol/limits.ts';
import type { WireError } from '../../protocol/errors.ts';
import { THREAD_SORTS, type ThreadSort } from '../../protocol/events.ts';
import { ClockController } from '../clock-controller.ts';
import { CountdownController } from '../countdown-controller.ts';
import { CommentPostedEvent } from '../events/comment-posted-event.ts';
import { errorMessage, messages, refusalMessage, resolveLang, type Lang, type Messages } from '../i18n.ts';
import { formatAbsoluteTime, formatRelativeTime } from '../relative-time.ts';
import { createBrowserStore, storageKeys, type KeyValueStore } from '../storage.ts';
import { createDraftKey, remainingDraft } from './draft-key.ts';
import { excerpt } from './excerpt.ts';
import { collapsed, formatComment, type Paragraph, type Span } from './format.ts';
import { CommentForms } from './comment-forms.ts';
import { ReportForm } from './report-form.ts';
import { defaultPageId, embedDefaults, type ThreadConfig } from './thread-config.ts';
import { ThreadController } from './thread-controller.ts';
import { ownHeld, shownReplies } from './thread-state.ts';
import { conversation, type ThreadNode } from './thread-tree.ts';
import { threadStyles } from './rembuk-thread.styles.ts';

let instances = 0;

/** An image address the widget loads: https only (an SSO avatar; anything else is left out). */
const httpsOnly = (url: string | null | undefined): string | null => (url && /^https:\/\//i.test(url) ? url : null);

/** The shortcut that posts: Apple keyboards say ⌘ where others say Ctrl. */
const SHORTCUT = `${/Mac|iP/.test(navigator.platform) ? '⌘' : 'Ctrl'}+Enter`;

/** One comment's text, read once: whole, and its collapsed start when it is long. */
type ReadText = [full: Paragraph[], head: Paragraph[] | null];
const read = new WeakMap<PublicComment, ReadText>();

function readText(c: PublicComment): ReadText {
  let r = read.get(c);
  if (!r) {
    const head = collapsed(c.text);
    r = [formatComment(c.text), head === null ? null : formatComment(head)];
    read.set(c, r);
  }
  return r;
}

/**
 * The formatting as template parts: the text is only ever bound as text, a link's href only
 * ever http(s). A line break is a newline in a `pre-wrap` paragraph, so the text reads (and
 * copies) as written.
 */
function spans(list: readonly Span[]): unknown[] {
  return list.map((s) =>
    s.kind === 'text'
      ? s.text
      : s.kind === 'br'
        ? '\n'
        : s.kind === 'code'
          ? html`<code>${s.text}</code>`
          : s.kind === 'link'
            ? html`<a part="link" href=${s.href} rel="nofollow ugc noopener" target="_blank">${s.text}</a>`
            : s.kind === 'strong'
              ? html`<strong>${spans(s.children)}</strong>`
              : html`<em>${spans(s.children)}</em>`,
  );
}

/**
 * One article's live comment thread: the composer, then the comments newest first. A comment
 * may use paragraphs (a blank line), line breaks, `**bold**`, `*italic*`, `` `code` `` and
 * http(s) links (shown with their host, `rel="nofollow ugc noopener"`); one over 600 characters
 * or 8 lines shows its start with "Show more". Every string is in English and Indonesian; new
 * comments from others are announced politely to screen readers, without moving focus.
 *
 * @attr site - The site id, as registered on the Rembuk server. Defaults to the embed script's `data-site`.
 * @attr page - The thread's page id. Defaults to the page's `<link rel="canonical">` URL (origin and path, no query or hash), else its own origin and path.
 * @attr sso - A JWT the site signed for its signed-in reader (HS256 with the site's SSO secret, `aud` the site id, `sub`, `name`, optional https `avatar`, `exp`): they comment under that name, marked verified. A refused token leaves them anonymous, with a polite notice. Changing or removing it reconnects.
 * @attr server - The Rembuk server's origin. Defaults to the origin embed.js was loaded from.
 * @attr lang - `id` (or `id-ID`, `in`) for Indonesian, `en…` for English. Defaults to the nearest ancestor's `lang`, up to `<html>`; when that is none or another language, the first of the browser's languages that is one of the two; else English.
 * @attr theme - `light` or `dark`. Defaults to the reader's system setting (`prefers-color-scheme`). Dark paints its own background and text colour, so it stays readable on a light page; light inherits the page's text colour.
 * @attr closed - Shows the thread closed: the comments stay, the composer says no new ones are taken. Also shown once the server answers THREAD_CLOSED.
 *
 * @fires rembuk-comment-posted - The reader's comment was accepted (published or held for review); `event.comment` is the comment. Bubbles and is composed, so the page can listen on `document`.
 * @fires rembuk-sign-out - The SSO reader pressed "Sign out". Bubbles and is composed; the page signs them out and removes the `sso` attribute, and the widget reconnects anonymous.
 *
 * @csspart thread - The whole thread (heading, notice, composer and comments).
 * @csspart heading - The heading: "Comments", then the count once known.
 * @csspart notice - The connection notice (lost, cannot reach the server, could not load); hidden when empty.
 * @csspart composer - The form to post a comment.
 * @csspart identity - Instead of the name field for a verified reader (SSO, moderator): "Commenting as …" with their avatar.
 * @csspart identity-avatar - The verified reader's avatar (https only).
 * @csspart sign-out - Next to "Commenting as …" for an SSO reader: fires `rembuk-sign-out`.
 * @csspart sso-notice - The page's sign-in could not be confirmed: the reader comments as a guest.
 * @csspart name-label - The label around the name field.
 * @csspart name-input - The name field.
 * @csspart name-counter - Under the name field: characters used of the maximum; over it, also why the comment cannot be posted yet.
 * @csspart text-label - The label around the comment field.
 * @csspart textarea - The comment field.
 * @csspart counter - Characters used of the maximum.
 * @csspart post-button - The post button.
 * @csspart shortcut - Next to the post button: "Ctrl+Enter to post" (⌘+Enter on Apple devices).
 * @csspart closed - Instead of the composer's fields, or above a draft typed before the thread closed: comments are closed.
 * @csspart queued - Under the composer while a posted comment waits for the connection; hidden when empty.
 * @csspart error - Why a post or loading older comments failed; the composer's is hidden when empty.
 * @csspart loading - Shown until the thread has loaded.
 * @csspart empty - Shown when the thread has no comments yet.
 * @csspart sort-label - The label around the sort choice.
 * @csspart sort - The sort choice (newest first, oldest first, most liked), remembered on the device.
 * @csspart list - The list of comments.
 * @csspart comment - One comment.
 * @csspart comment-pending - Also on a comment of the reader's own that awaits review (only they see it).
 * @csspart comment-reply - Also on a reply.
 * @csspart comment-deleted - Also on a deleted comment kept because replies hang under it.
 * @csspart tombstone - "This comment was deleted", in place of a deleted comment's name and text.
 * @csspart avatar - An SSO author's avatar beside their name (https only).
 * @csspart author - The author's name.
 * @csspart verified-badge - After an SSO author's name: "verified".
 * @csspart moderator-badge - After a moderator's name: "Moderator".
 * @csspart edited - After the time of an edited comment: "edited", the time of the edit in its tooltip.
 * @csspart replying-to - Above a reply shown away from the comment it answers: "replying to …".
 * @csspart replies - The list of replies under a comment (nested to three levels; deeper ones flat).
 * @csspart more-replies - Under a conversation with replies not loaded yet: "Show N more replies".
 * @csspart reply-count - Beside a top-level comment with replies: "N replies", live.
 * @csspart tools - The row of controls under a comment (like, reply, edit, delete, report).
 * @csspart like-button - Like (`aria-pressed` says whether the reader likes it); it is described by the count beside it.
 * @csspart like-count - Beside the like button: the number of likes.
 * @csspart reply-button - Opens the reply form under the comment (`aria-expanded`).
 * @csspart reply-form - The inline reply form.
 * @csspart reply-name-label - The label around the reply form's name field (anonymous readers; shared with the composer's).
 * @csspart reply-name - The reply form's name field.
 * @csspart reply-label - The label around the reply's text field.
 * @csspart reply-textarea - The reply's text field.
 * @csspart reply-shortcut - "Ctrl+Enter to save, Escape to cancel" in the reply and edit forms.
 * @csspart reply-cancel - Closes the reply form (Escape does too); focus returns to the reply button.
 * @csspart reply-send - Posts the reply.
 * @csspart reply-error - Why the reply could not be posted; hidden when empty.
 * @csspart edit-button - On one's own comment while the site's edit window lasts: opens the editor in place of the text.
 * @csspart edit-form - The inline editor.
 * @csspart edit-label - The label around the editor's field.
 * @csspart edit-textarea - The editor's field (Ctrl/⌘+Enter saves, Escape cancels).
 * @csspart edit-shortcut - The editor's keyboard hint.
 * @csspart edit-cancel - Closes the editor without saving.
 * @csspart edit-send - Saves the edit.
 * @csspart edit-error - Why the edit could not be saved; hidden when empty.
 * @csspart delete-button - On one's own comment: asks to confirm deleting it.
 * @csspart delete-confirm - The confirmation step: the question, then delete and cancel.
 * @csspart delete-yes - Deletes the comment.
 * @csspart delete-no - Keeps it (Escape does too); focus returns to the delete button.
 * @csspart delete-error - Why it could not be deleted; hidden when empty.
 * @csspart action-error - Why a like could not be saved; hidden when empty.
 * @csspart time - When the comment was posted, relative ("5 minutes ago"), the exact time in its tooltip.
 * @csspart text - The comment's text: one `<p>` per paragraph, with `<strong>`, `<em>`, `<code>` and links inside.
 * @csspart link - A link in a comment's text (opens in a new tab).
 * @csspart show-more - Under a long comment: "Show more", then "Show less" (`aria-expanded` says which).
 * @csspart pending-badge - "Awaiting review" on the reader's own held comment.
 * @csspart pending-reason - Why moderation held it, when the server said; else that a moderator will look at it (after a reload the server does not repeat why).
 * @csspart report-button - "Report" under a comment of someone else's; it opens the report form below it.
 * @csspart report-form - The inline form to report a comment to the moderators.
 * @csspart report-legend - The report form's question ("Why are you reporting this comment?").
 * @csspart report-choice - The label around one reason's radio button (spam, abuse, off topic, other).
 * @csspart report-note-label - The label around the optional note.
 * @csspart report-note - The optional note for the moderators.
 * @csspart report-send - The button that sends the report.
 * @csspart report-cancel - The button that closes the report form without sending (Escape does too).
 * @csspart report-error - Why the report could not be sent; hidden when empty.
 * @csspart report-done - Replaces the report control once the report is in: thanks, or that the reader had already reported it.
 * @csspart declined - The notice that a moderator did not publish one of the reader's held comments.
 * @csspart declined-dismiss - The button that dismisses that notice.
 * @csspart load-more - The button that loads older comments.
 * @csspart unavailable - Replaces the thread when the server refuses this site, origin or embed code for good.
 * @csspart unavailable-reason - Why, in the reader's language.
 *
 * @cssprop --rembuk-font - Font family. Default: inherited from the page.
 * @cssprop --rembuk-font-size - Base font size. Default: `1rem`.
 * @cssprop --rembuk-color-text - Text colour. Default: inherited (`currentColor`); `#e8eaed` in the dark theme.
 * @cssprop --rembuk-color-muted - Secondary text (times, counter, notes, a disabled button). Default: the text colour at 72 %.
 * @cssprop --rembuk-color-background - Background of the whole widget. Default: `transparent`; `#17191d` in the dark theme.
 * @cssprop --rembuk-color-surface - Background of the composer, notice, refusal box, code and a disabled button. Default: a 4 % tint of the text colour (6 % in the dark theme).
 * @cssprop --rembuk-color-border - Borders and separators. Default: an 18 % tint of the text colour (24 % in the dark theme).
 * @cssprop --rembuk-color-input-background - Background of the name and comment fields. Default: the page's `Canvas` at 92 %.
 * @cssprop --rembuk-color-accent - The post and load-more buttons, links and focus rings. Default: `#0b5cad` (`#6cb0ff` in the dark theme). Keep it at 4.5:1 against the background in each theme you allow.
 * @cssprop --rembuk-color-accent-text - Text on the accent colour. Default: `#fff` (`#06213d` in the dark theme).
 * @cssprop --rembuk-color-danger - Errors and the over-limit counters. Default: `#b3261e` (`#ff8a80` in the dark theme).
 * @cssprop --rembuk-color-pending - Border and badge of a comment awaiting review. Default: `#8a5a00` (`#f5c451` in the dark theme).
 * @cssprop --rembuk-color-pending-background - Background of a comment awaiting review. Default: a 14 % amber tint.
 * @cssprop --rembuk-radius - Corner radius. Default: `8px`.
 * @cssprop --rembuk-spacing - The spacing unit everything is laid out in. Default: `1rem`.
 */
export class RembukThread extends LitElement {
  static override styles = threadStyles;

  static override properties = {
    site: { type: String, reflect: true },
    page: { type: String, reflect: true },
    server: { type: String },
    theme: { type: String, reflect: true },
    closed: { type: Boolean, reflect: true },
    sso: { type: String },
    _name: { state: true },
    _text: { state: true },
    _sending: { state: true },
    _error: { state: true },
    _nameError: { state: true },
    _lang: { state: true },
  };

  declare site: string;
  declare page: string;
  declare server: string;
  declare theme: string;
  declare closed: boolean;
  declare sso: string;
  declare _name: string;
  declare _text: string;
  declare _sending: boolean;
  declare _error: string;
  /** The name field's own error (NAME_RESERVED), shown under it. */
  declare _nameError: string;
  declare _lang: Lang;

  readonly #storage: KeyValueStore = createBrowserStore();
  readonly #clock = new ClockController(this);
  /** The wait a rate limit named, counted down in the one message shown for it. */
  readonly #wait = new CountdownController(this);
  #rateLimit: WireError | null = null;
  /** The connection a passing failure in `_error` happened on (null: the error holds whatever the connection does). */
  #errorConnection: number | null = null;
  readonly #thread = new ThreadController(this, { config: () => this.#resolveConfig(), storage: this.#storage });
  readonly #uid = ++instances;
  readonly #reports = new ReportForm(this, { send: (input) => this.#thread.report(input), lang: () => this._lang, uid: this.#uid });
  /** Kept across a post that may have been stored, so the reader's retry reuses it; a new text gets a new key. */
  readonly #draft = createDraftKey();
  #langObserver: MutationObserver | null = null;
  /** Long comments the reader expanded. */
  readonly #expanded = new Set<string>();
  readonly #forms = new CommentForms(this, {
    post: (input) => this.#thread.post(input),
    edit: (id, text) => this.#thread.edit(id, text),
    remove: (id) => this.#thread.remove(id),
    lang: () => this._lang,
    name: () => (this.#verified ? null : this._name),
    setName: (name) => {
      this._name = name;
      this._nameError = '';
    },
    reasons: (id) => this.#reasons(id),
    posted: (comment) => {
      if (!this.#verified) this.#storage.set(storageKeys.name, this.#authorName());
      this.#clock.refresh();
      this.dispatchEvent(new CommentPostedEvent(comment));
    },
    shortcut: SHORTCUT,
    uid: this.#uid,
  });
  /** Why a like could not be saved, by comment. */
  readonly #likeErrors = new Map<string, string>();
  /** Re-renders when the next of the viewer's edit windows closes, so its edit button goes then. */
  #editTimer: ReturnType<typeof setTimeout> | undefined;
  #nextEditClose = Infinity;

  constructor() {
    super();
    this.site = '';
    this.page = '';
    this.server = '';
    this.theme = '';
    this.closed = false;
    this.sso = '';
    this._name = '';
    this._text = '';
    this._sending = false;
    this._error = '';
    this._nameError = '';
    this._lang = 'en';
  }

  override connectedCallback(): void {
    this._lang = resolveLang(this);
    this._name = this.#storage.get(storageKeys.name) ?? '';
    // The page may switch language (or set it late); follow the nearest lang attributes.
    this.#langObserver = new MutationObserver(() => {
      this._lang = resolveLang(this);
    });
    this.#langObserver.observe(this.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langObserver?.disconnect();
    this.#langObserver = null;
    clearTimeout(this.#editTimer);
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Attributes set after the element connected point it at another thread, or another reader: start over.
    const moved = (['site', 'page', 'server', 'sso'] as const).some((k) => changed.has(k) && changed.get(k) !== undefined);
    if (moved && this.isConnected) this.#thread.restart();
    clearTimeout(this.#editTimer);
    const wait = this.#nextEditClose - Date.now();
    if (wait < Infinity) this.#editTimer = setTimeout(() => this.requestUpdate(), Math.max(0, Math.min(wait + 50, 2 ** 31 - 1)));
  }

  #resolveConfig(): ThreadConfig | null {
    const defaults = embedDefaults();
    const site = this.site || defaults.site || '';
    if (!site) return null;
    const server = this.server || defaults.server || this.ownerDocument.location.origin;
    const page = this.page || defaultPageId(this.ownerDocument);
    return { server, site, page, ...(this.sso ? { sso: this.sso } : {}) };
  }

  get #m(): Messages {
    return messages(this._lang);
  }

  override render(): TemplateResult {
    const m = this.#m;
    const t = this.#thread;
    if (t.connection === 'refused') return this.#renderUnavailable();
    const ready = t.thread?.phase === 'ready' || (t.thread?.comments.length ?? 0) > 0;
    const heading = ready && t.thread ? m.heading(t.thread.count, ownHeld(t.thread)) : m.title;
    return html`
      <section part="thread" aria-labelledby="rembuk-heading-${this.#uid}">
        <h2 class="heading" part="heading" id="rembuk-heading-${this.#uid}">${heading}</h2>
        <p class="notice" part="notice" role="status">${this.#connectionNotice()}</p>
        <p class="visually-hidden" role="status">${this.#arrivals()}</p>
        ${this.#renderSsoNotice()} ${this.#renderComposer()} ${this.#renderDeclined()} ${this.#renderList(ready)}
      </section>
    `;
  }

  /** A verified viewer comments under their own name: no name field. */
  get #verified(): boolean {
    const kind = this.#thread.viewer?.kind;
    return kind === 'sso' || kind === 'moderator';
  }

  /** The page's sign-in was refused: said politely, once, in a live region that stays. */
  #renderSsoNotice(): TemplateResult {
    const error = this.#thread.viewer?.ssoError;
    return html`<p class="notice" part="sso-notice" role="status">${error ? errorMessage(this._lang, error, LIMITS) : ''}</p>`;
  }

  /** "Commenting as …" with the avatar, and for SSO a way to sign out (the page does it). */
  #renderIdentity(): TemplateResult {
    const viewer = this.#thread.viewer;
    const name = viewer?.name ?? '';
    const avatar = httpsOnly(viewer?.avatarUrl);
    return html`<p class="identity" part="identity">
      ${avatar ? html`<img class="avatar" part="identity-avatar" src=${avatar} alt=${name} width="32" height="32" />` : nothing}
      <span>${this.#m.c.commentingAs(name)}</span>
      ${
        viewer?.kind === 'sso'
          ? html`<button class="cancel" part="sign-out" type="button" @click=${() => this.#signOut()}>${this.#m.c.signOut}</button>`
          : nothing
      }
    </p>`;
  }

  #signOut(): void {
    this.dispatchEvent(new CustomEvent('rembuk-sign-out', { bubbles: true, composed: true }));
  }

  #connectionNotice(): string {
    const t = this.#thread;
    if (t.connection === 'unreachable') return this.#m.unreachable;
    if (t.connection === 'reconnecting') return this.#m.reconnecting;
    // A closed thread is said where the composer would be.
    if (t.loadError && !t.closed) return errorMessage(this._lang, t.loadError, LIMITS);
    return '';
  }

  /** What arrived live from others, said once (the live region announces each change). */
  #arrivals(): string {
    const a = this.#thread.arrivals;
    return a[0] ? this.#m.arrived(a.length, a[0].authorName, excerpt(a[0].text)) : '';
  }

  /** One live region for every notice, present while empty, so a new notice is announced. */
  #renderDeclined(): TemplateResult {
    const m = this.#m;
    return html`<div class="declined" role="status">
      ${this.#thread.declined.map(
        (c) =>
          html`<p class="declined-notice" part="declined">
            <span>${m.declined(excerpt(c.text))}</span>
            <button class="dismiss" part="declined-dismiss" type="button" @click=${() => this.#dismissDeclined(c.id)}>${m.dismiss}</button>
          </p>`,
      )}
    </div>`;
  }

  async #dismissDeclined(id: string): Promise<void> {
    this.#thread.dismissDeclined(id);
    await this.updateComplete;
    // The button that had focus is gone: the next notice's, else the composer, keeps the keyboard in the thread.
    const next = this.renderRoot.querySelector<HTMLElement>('.declined button') ?? this.renderRoot.querySelector<HTMLElement>('textarea');
    next?.focus();
  }

  #renderUnavailable(): TemplateResult {
    const m = this.#m;
    const refusal = this.#thread.refusal;
    const reason = refusal ? refusalMessage(this._lang, refusal, LIMITS) : '';
    return html`
      <div class="unavailable" part="unavailable" role="status">
        <p><strong>${m.unavailableTitle}</strong></p>
        ${reason ? html`<p class="reason" part="unavailable-reason">${reason}</p>` : nothing}
      </div>
    `;
  }

  #renderComposer(): TemplateResult {
    const m = this.#m;
    const length = this._text.length;
    const over = length > LIMITS.textMax;
    const blank = this._text.trim() === '';
    const nameOver = !this.#verified && this.#authorName().length > LIMITS.nameMax;
    const closed = this.#closed;
    const id = this.#uid;
    const closedNote = html`<p class="notice" part="closed">${m.errors.byCode.THREAD_CLOSED}</p>`;
    // Nothing typed, nothing to keep: the sentence alone. A draft stays readable (and copyable).
    if (closed && blank) return closedNote;
    return html`
      <form part="composer" @submit=${this.#onSubmit} novalidate>
        ${closed ? closedNote : nothing} ${this.#verified ? this.#renderIdentity() : this.#renderNameField(closed)}
        <label part="text-label">
          ${m.textLabel}
          <textarea
            part="textarea"
            name="text"
            rows="4"
            placeholder=${m.textPlaceholder}
            aria-describedby="rembuk-counter-${id} rembuk-hint-${id} rembuk-error-${id}"
            aria-invalid=${over ? 'true' : 'false'}
            ?readonly=${closed}
            .value=${this._text}
            @input=${this.#onTextInput}
            @keydown=${this.#onTextKeydown}
          ></textarea>
        </label>
        <div class="actions">
          <span class="counter ${over ? 'over' : ''}" part="counter" id="rembuk-counter-${id}">${m.counter(length, LIMITS.textMax)}</span>
          <span class="counter hint" part="shortcut" id="rembuk-hint-${id}">${m.shortcut(SHORTCUT)}</span>
          <button
            class="post"
            part="post-button"
            type="submit"
            aria-describedby="rembuk-hint-${id}"
            ?disabled=${this._sending || blank || over || nameOver || closed || this.#wait.running}
          >
            ${this._sending ? m.posting : m.post}
          </button>
        </div>
        <p class="queued" part="queued" role="status">${this.#thread.queued ? m.queued : ''}</p>
        <p class="error" part="error" id="rembuk-error-${id}" role="alert" aria-live="assertive">${this.#composerError()}</p>
      </form>
    `;
  }

  #renderNameField(closed: boolean): TemplateResult {
    const m = this.#m;
    const name = this.#authorName().length;
    const over = name > LIMITS.nameMax;
    const id = this.#uid;
    const error = over ? m.errors.nameTooLong(LIMITS.nameMax) : this._nameError;
    return html`<label part="name-label">
        ${m.nameLabel}
        <input
          part="name-input"
          name="authorName"
          autocomplete="nickname"
          placeholder=${m.namePlaceholder}
          aria-describedby="rembuk-name-${id}"
          aria-invalid=${error ? 'true' : 'false'}
          ?readonly=${closed}
          .value=${this._name}
          @input=${this.#onNameInput}
        />
      </label>
      <span class="counter ${error ? 'over' : ''}" part="name-counter" id="rembuk-name-${id}"
        >${error ? `${error} ` : ''}${m.counter(name, LIMITS.nameMax)}</span
      >`;
  }

  /** Closed by the page (the attribute) or by the server (THREAD_CLOSED). */
  get #closed(): boolean {
    return this.closed || this.#thread.closed;
  }

  /** The name as it is sent: runs of spaces as one, trimmed. */
  #authorName(): string {
    return this._name.replace(/\s+/g, ' ').trim();
  }

  /** A rate limit's message shows the wait still left, and goes once the reader may post again. */
  #composerError(): string {
    if (this.#rateLimit && this.#wait.running) {
      return errorMessage(this._lang, { ...this.#rateLimit, retryAfterMs: this.#wait.remainingMs }, LIMITS);
    }
    // A failure of the connection since lost ("no answer", "unavailable") is old news once it is back.
    if (this.#errorConnection !== null && this.#errorConnection !== this.#thread.connections) return '';
    return this._error;
  }

  #renderList(ready: boolean): TemplateResult | typeof nothing {
    const m = this.#m;
    const t = this.#thread;
    const thread = t.thread;
    // A closed thread without comments has nothing to show, nor to wait for (a join refused as closed).
    if (this.#closed && !thread?.comments.length) return nothing;
    if (!ready || !thread) return html`<p class="empty" part="loading">${m.loading}</p>`;
    const trees = thread.comments.map((c) => conversation(c, thread.replies)).filter((n): n is ThreadNode => n !== null);
    this.#nextEditClose = Infinity;
    return html`
      ${
        trees.length > 1 || thread.nextCursor
          ? html`<label class="sort" part="sort-label"
              >${m.c.sortLabel}
              <select part="sort" .value=${thread.sort} @change=${this.#onSort}>
                ${THREAD_SORTS.map((s) => html`<option value=${s} ?selected=${s === thread.sort}>${m.c.sorts[s]}</option>`)}
              </select></label
            >`
          : nothing
      }
      ${
        trees.length === 0
          ? html`<p class="empty" part="empty">${m.empty}</p>`
          : html`<ol class="list" part="list">
              ${trees.map((n) => this.#renderNode(n))}
            </ol>`
      }
      ${
        thread.nextCursor
          ? html`<button class="more" part="load-more" type="button" ?disabled=${t.loadingMore} @click=${() => void t.loadMore()}>
              ${t.loadingMore ? m.loadingMore : m.loadMore}
            </button>`
          : nothing
      }
      ${t.moreError ? html`<p class="error" part="error" role="alert">${errorMessage(this._lang, t.moreError, LIMITS)}</p>` : nothing}
    `;
  }

  #onSort(e: Event): void {
    if (e.target instanceof HTMLSelectElement) this.#thread.setSort(e.target.value as ThreadSort);
  }

  /** A comment with its replies; "show N more" under a conversation whose replies are not all here. */
  #renderNode(n: ThreadNode): TemplateResult {
    const c = n.comment;
    const thread = this.#thread.thread;
    const more = n.level === 0 && thread ? c.replyCount - shownReplies(thread, c.id) : 0;
    const loading = this.#thread.loadingReplies.has(c.id);
    const pending = c.status === 'pending';
    const [reply, deleted] = [c.rootId !== null, c.status === 'deleted'];
    return html`<li
      class="comment ${pending ? 'pending' : ''}"
      part=${['comment', pending && 'comment-pending', reply && 'comment-reply', deleted && 'comment-deleted'].filter(Boolean).join(' ')}
      data-id=${c.id}
      data-status=${c.status}
      data-level=${n.level}
    >
      ${this.#renderComment(n)}${
        n.children.length > 0
          ? html`<ol class="replies ${n.level >= LIMITS.nestingShown ? 'flat' : ''}" part="replies">
              ${n.children.map((k) => this.#renderNode(k))}
            </ol>`
          : nothing
      }${
        more > 0 && thread?.replyCursors.get(c.id) !== null
          ? html`<button
              class="tool more-replies"
              part="more-replies"
              type="button"
              ?disabled=${loading}
              @click=${() => void this.#thread.loadReplies(c.id)}
            >
              ${loading ? this.#m.loadingMore : this.#m.c.moreReplies(more)}
            </button>`
          : nothing
      }
    </li>`;
  }

  /** The comment's own block, inside its `<li>` and above its replies. */
  #renderComment(n: ThreadNode): TemplateResult {
    const c = n.comment;
    const m = this.#m;
    const pending = c.status === 'pending';
    if (c.status === 'deleted') return html`<p class="tombstone" part="tombstone">${m.c.deleted}</p>`;
    // Never earlier than the page's clock: a fresh comment must not read "in 2 seconds".
    const now = Math.max(this.#clock.now, Date.now());
    // The guard lets any finite number through; one outside Date's range must cost one comment
    // its time, not the whole thread its rendering (toISOString would throw).
    const dated = Math.abs(c.createdAt) <= 8.64e15;
    const avatar = httpsOnly(c.avatarUrl);
    const editing = this.#forms.editing(c.id);
    return html`${n.replyingTo ? html`<p class="replying-to" part="replying-to">${m.c.replyingTo(n.replyingTo)}</p>` : nothing}
      <p class="meta">
        ${avatar ? html`<img class="avatar" part="avatar" src=${avatar} alt="" width="24" height="24" loading="lazy" />` : nothing}
        <span class="author" part="author">${c.authorName}</span>
        ${c.authorKind === 'sso' ? html`<span class="mark" part="verified-badge">✓ ${m.c.verified}</span>` : nothing}
        ${c.authorKind === 'moderator' ? html`<span class="mark mod" part="moderator-badge">${m.c.moderator}</span>` : nothing}
        ${
          dated
            ? html`<time
                class="time"
                part="time"
                datetime=${new Date(c.createdAt).toISOString()}
                title=${formatAbsoluteTime(c.createdAt, this._lang)}
              >
                ${formatRelativeTime(c.createdAt, now, this._lang, m.justNow)}
              </time>`
            : nothing
        }
        ${
          c.editedAt !== null && Math.abs(c.editedAt) <= 8.64e15
            ? html`<span class="time" part="edited" title=${m.c.editedAt(formatAbsoluteTime(c.editedAt, this._lang))}>· ${m.c.edited}</span>`
            : nothing
        }
        ${n.level === 0 && c.replyCount > 0 ? html`<span class="time" part="reply-count">· ${m.c.replyCount(c.replyCount)}</span>` : nothing}
      </p>
      ${editing ? this.#forms.renderEditor(c) : this.#renderText(c)} ${pending ? this.#renderPendingNote(c.id) : nothing} ${this.#renderTools(c, now)}
      ${this.#forms.renderBelow(c)}`;
  }

  /** Like, reply, edit, delete, report: each only where it applies. */
  #renderTools(c: PublicComment, now: number): TemplateResult {
    const m = this.#m;
    const viewer = this.#thread.authorId;
    const own = viewer !== null && c.authorId === viewer;
    const published = c.status === 'published';
    const open = !this.#closed && viewer !== null;
    const closes = c.createdAt + this.#thread.editWindowMinutes * 60_000;
    const editable = own && open && !this.#forms.editing(c.id) && closes > now;
    if (own && open && closes > now) this.#nextEditClose = Math.min(this.#nextEditClose, closes);
    const liked = this.#thread.thread?.liked.has(c.id) ?? false;
    const error = this.#likeErrors.get(c.id) ?? '';
    return html`<div class="tools" part="tools">
      ${
        published && viewer !== null
          ? html`<button
                class="tool like"
                part="like-button"
                type="button"
                aria-pressed=${liked ? 'true' : 'false'}
                aria-label=${m.c.likeLabel(c.authorName)}
                aria-describedby=${`rembuk-likes-${this.#uid}-${c.id}`}
                @click=${() => void this.#like(c.id, !liked)}
              >
                <span aria-hidden="true">${liked ? '♥' : '♡'}</span> ${m.c.like}</button
              ><span class="likes" part="like-count" id=${`rembuk-likes-${this.#uid}-${c.id}`}>${m.c.likes(c.likes)}</span>`
          : nothing
      }
      ${published && open ? this.#forms.replyButton(c) : nothing} ${editable ? this.#forms.editButton(c) : nothing}
      ${own ? this.#forms.deleteButton(c) : nothing} ${this.#mayReport(c) ? this.#reports.render(c) : nothing}
      <p class="error" part="action-error" role="alert">${error}</p>
    </div>`;
  }

  async #like(id: string, like: boolean): Promise<void> {
    const outcome = await this.#thread.react(id, like);
    if (outcome.ok) this.#likeErrors.delete(id);
    else this.#likeErrors.set(id, errorMessage(this._lang, outcome.error, LIMITS));
    this.requestUpdate();
  }

  /** The formatted text; a long one collapsed to its start until the reader asks for the rest. */
  #renderText(c: PublicComment): TemplateResult {
    const [full, head] = readText(c);
    const open = this.#expanded.has(c.id);
    const id = `rembuk-text-${this.#uid}-${c.id}`;
    return html`<div class="text" part="text" id=${id}>${(open || !head ? full : head).map((p) => html`<p>${spans(p)}</p>`)}</div>
      ${
        head
          ? html`<button
              class="show-more"
              part="show-more"
              type="button"
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls=${id}
              @click=${() => this.#toggle(c.id)}
            >
              ${open ? this.#m.showLess : this.#m.showMore}
            </button>`
          : nothing
      }`;
  }

  #toggle(id: string): void {
    if (!this.#expanded.delete(id)) this.#expanded.add(id);
    this.requestUpdate();
  }

  /** Someone else's published comment: never one's own, a tombstone, or before we know who the viewer is. */
  #mayReport(c: PublicComment): boolean {
    const viewer = this.#thread.authorId;
    return viewer !== null && c.authorId !== viewer && c.status === 'published';
  }

  #renderPendingNote(id: string): TemplateResult {
    const m = this.#m;
    const why = this.#reasons(id);
    return html`<p class="badge" part="pending-badge"><strong>${m.awaitingReview}</strong> · ${m.awaitingReviewNote}</p>
      <p class="reason" part="pending-reason">${why.length > 0 ? m.reason(why) : m.reviewNote}</p>`;
  }

  /** The moderation reasons the server gave for one of the viewer's comments, in the reader's language, once each. */
  #reasons(id: string): string[] {
    const reasons = this.#thread.reasons.get(id) ?? [];
    return [...new Set(reasons.map((r) => r.message[this._lang]).filter((t) => t !== ''))];
  }

  #onNameInput(e: Event): void {
    if (!(e.target instanceof HTMLInputElement)) return;
    this._name = e.target.value;
    this._nameError = '';
  }

  #onTextInput(e: Event): void {
    if (e.target instanceof HTMLTextAreaElement) this._text = e.target.value;
  }

  /** Ctrl/⌘ + Enter posts, as in most comment boxes. */
  #onTextKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.renderRoot.querySelector('form')?.requestSubmit();
    }
  }

  async #onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this._sending || this.#wait.running || this.#closed) return;
    const m = this.#m;
    const verified = this.#verified;
    const authorName = this.#authorName();
    const text = this._text.replace(/\r\n?/g, '\n').trim();
    if (!verified && !authorName) return this.#fail(m.errors.nameRequired, 'input');
    if (!verified && authorName.length > LIMITS.nameMax) return this.#fail(m.errors.nameTooLong(LIMITS.nameMax), 'input');
    if (!text) return this.#fail(m.errors.textRequired, 'textarea');
    if (text.length > LIMITS.textMax) return this.#fail(m.errors.textTooLong(LIMITS.textMax), 'textarea');

    if (!verified) this.#storage.set(storageKeys.name, authorName);
    // The post button is about to be disabled: the keyboard stays in the composer, where the next comment goes.
    const textarea = this.renderRoot.querySelector('textarea');
    if (this.shadowRoot?.activeElement?.matches('.post')) textarea?.focus();
    this._sending = true;
    this._error = '';
    this._nameError = '';
    this.#errorConnection = null;
    // The post may wait for the connection a long time; what the reader types meanwhile is a new draft.
    const typed = this._text;
    const outcome = await this.#thread.post({ text, key: this.#draft.for(text), ...(verified ? {} : { authorName }) });
    this._sending = false;
    // No answer, UNAVAILABLE or INTERNAL keep the key: the comment may be stored, and the
    // reader's next click must be the same request (which completes it), not a second comment.
    this.#draft.answered(outcome);
    if (outcome.ok) {
      const { comment } = outcome.data;
      if (comment.status === 'rejected') {
        // Keep the text so the reader can rephrase it; say why, in their language.
        const why = this.#reasons(comment.id);
        this._error = why.length > 0 ? `${m.rejected} ${m.reason(why)}` : m.rejected;
        return;
      }
      // What the reader typed while the post was on its way stays.
      this._text = remainingDraft(this._text, typed);
      this.#clock.refresh();
      this.dispatchEvent(new CommentPostedEvent(comment));
      return;
    }
    const passing = 'lost' in outcome || outcome.error.code === 'UNAVAILABLE' || outcome.error.code === 'INTERNAL';
    this.#errorConnection = passing ? this.#thread.connections : null;
    if ('lost' in outcome) this._error = m.errors.timeout;
    else if (outcome.error.code === 'RATE_LIMITED' && (outcome.error.retryAfterMs ?? 0) > 0) {
      // Nothing was stored: the same text may be posted once the wait is over.
      this.#rateLimit = outcome.error;
      this.#wait.start(outcome.error.retryAfterMs ?? 0);
      this._error = '';
    } else if (outcome.error.field === 'authorName' && !verified) {
      // Said under the name field (a reserved name, say), where the reader fixes it.
      this._error = '';
      this._nameError = errorMessage(this._lang, outcome.error, LIMITS);
      this.renderRoot.querySelector<HTMLElement>('input')?.focus();
    } else {
      // A closed thread is said in place of the composer, once.
      this._error = outcome.error.code === 'THREAD_CLOSED' ? '' : errorMessage(this._lang, outcome.error, LIMITS);
    }
  }

  #fail(message: string, focus: 'input' | 'textarea'): void {
    this._error = message;
    this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rembuk-thread': RembukThread;
  }
}

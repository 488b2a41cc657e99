/**
 * The inline forms under a comment: a reply, an edit of one's own comment, and the step that
 * confirms deleting it. `<rembuk-thread>` owns one and renders its parts inside each comment; it
 * keeps its own state (one form open at a time) and asks its host to re-render. Focus goes into a
 * form when it opens and back to the control that opened it when it closes (Cancel, Escape), so
 * the keyboard never loses its place.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PublicComment } from '../../protocol/comment.ts';
import type { CommentCreated, CommentCreateRequest } from '../../protocol/events.ts';
import { LIMITS } from '../../protocol/limits.ts';
import { errorMessage, messages, type Lang, type Messages } from '../i18n.ts';
import { createDraftKey } from './draft-key.ts';
import type { RequestOutcome } from './thread-controller.ts';

export interface CommentFormsOptions {
  post: (input: Omit<CommentCreateRequest, 'page'>) => Promise<RequestOutcome<CommentCreated>>;
  edit: (id: string, text: string) => Promise<RequestOutcome<CommentCreated>>;
  remove: (id: string) => Promise<RequestOutcome<Record<string, never>>>;
  lang: () => Lang;
  /** The name an anonymous reply goes out with (the composer's, shared); null for a verified viewer. */
  name: () => string | null;
  setName: (name: string) => void;
  /** Why moderation holds or rejects one of the viewer's comments, in the reader's language. */
  reasons: (id: string) => string[];
  /** A reply was accepted (published or held). */
  posted: (comment: CommentCreated['comment']) => void;
  /** The keyboard shortcut's label ("Ctrl+Enter"). */
  shortcut: string;
  uid: number;
}

type Host = ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };
type Mode = 'reply' | 'edit' | 'delete';

const isSave = (e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey);
const clean = (text: string) => text.replace(/\r\n?/g, '\n').trim();

export class CommentForms {
  readonly #host: Host;
  readonly #o: CommentFormsOptions;
  /** Which form is open, for which comment. */
  #open: { mode: Mode; id: string } | null = null;
  #text = '';
  #busy = false;
  #error = '';
  /** The error belongs to the name field (NAME_RESERVED, a missing name). */
  #nameError = false;
  readonly #key = createDraftKey();

  constructor(host: Host, options: CommentFormsOptions) {
    this.#host = host;
    this.#o = options;
  }

  get #m(): Messages {
    return messages(this.#o.lang());
  }

  #is(mode: Mode, id: string): boolean {
    return this.#open?.mode === mode && this.#open.id === id;
  }

  /** True while the comment's text is replaced by its editor. */
  editing(id: string): boolean {
    return this.#is('edit', id);
  }

  /** The control that opens (and closes) a form: `part`, label, and what opening it starts with. */
  #toggle(mode: Mode, c: PublicComment, label: string, aria: string | typeof nothing, text = ''): TemplateResult {
    const open = this.#is(mode, c.id);
    const [reply, edit] = [mode === 'reply', mode === 'edit'];
    return html`<button
      class="tool"
      part=${reply ? 'reply-button' : edit ? 'edit-button' : 'delete-button'}
      type="button"
      data-tool=${mode}
      data-for=${c.id}
      aria-label=${aria}
      aria-expanded=${open ? 'true' : 'false'}
      @click=${() => (open ? this.#close() : this.#start(mode, c.id, text))}
    >
      ${label}
    </button>`;
  }

  replyButton(c: PublicComment): TemplateResult {
    return this.#toggle('reply', c, this.#m.c.reply, this.#m.c.replyLabel(c.authorName));
  }

  editButton(c: PublicComment): TemplateResult {
    return this.#toggle('edit', c, this.#m.c.edit, nothing, c.text);
  }

  deleteButton(c: PublicComment): TemplateResult {
    return this.#toggle('delete', c, this.#m.c.delete, nothing);
  }

  #start(mode: Mode, id: string, text: string): void {
    const same = this.#open?.id === id && this.#open.mode === mode;
    this.#open = { mode, id };
    if (!same) this.#text = text;
    this.#error = '';
    this.#nameError = false;
    this.#busy = false;
    this.#host.requestUpdate();
    void this.#focus(mode === 'delete' ? '.confirm .cancel' : `.${mode}-form textarea`);
  }

  /** Closes the open form; focus goes back to the control that opened it. */
  #close(): void {
    const open = this.#open;
    if (!open) return;
    this.#open = null;
    this.#host.requestUpdate();
    // The comment may be gone (deleted, or an edit rejected): then a notice about it, else the composer, keeps the keyboard in the thread.
    void this.#focus(`[data-tool="${open.mode}"][data-for="${CSS.escape(open.id)}"]`, '.declined button', 'textarea');
  }

  #keydown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      // Escape closes this form only, not a dialog the page may have put the thread in.
      e.preventDefault();
      e.stopPropagation();
      this.#close();
    } else if (isSave(e) && e.target instanceof HTMLTextAreaElement) {
      e.preventDefault();
      e.target.form?.requestSubmit();
    }
  }

  /** The open reply form under `c`, the delete confirmation, or nothing. */
  renderBelow(c: PublicComment): TemplateResult | typeof nothing {
    if (this.#is('reply', c.id)) return this.#renderReply(c);
    if (this.#is('delete', c.id)) return this.#renderConfirm(c);
    return nothing;
  }

  #field(part: 'reply' | 'edit', label: string, rows: number): TemplateResult {
    const r = part === 'reply';
    const errorId = `rembuk-${part}-error-${this.#o.uid}`;
    return html`<label part=${r ? 'reply-label' : 'edit-label'}>
        ${label}
        <textarea
          part=${r ? 'reply-textarea' : 'edit-textarea'}
          rows=${rows}
          aria-describedby="${errorId} rembuk-${part}-hint-${this.#o.uid}"
          aria-invalid=${this.#error && !this.#nameError ? 'true' : 'false'}
          .value=${this.#text}
          @input=${(e: Event) => void (e.target instanceof HTMLTextAreaElement && (this.#text = e.target.value))}
        ></textarea>
      </label>
      <div class="actions">
        <span class="counter hint" part=${r ? 'reply-shortcut' : 'edit-shortcut'} id="rembuk-${part}-hint-${this.#o.uid}"
          >${this.#m.c.saveShortcut(this.#o.shortcut)}</span
        >
        <button class="cancel" part=${r ? 'reply-cancel' : 'edit-cancel'} type="button" @click=${() => this.#close()}>${this.#m.c.cancel}</button>
        <button class="post" part=${r ? 'reply-send' : 'edit-send'} type="submit" ?disabled=${this.#busy}>
          ${this.#busy ? this.#m.c.saving : r ? this.#m.c.sendReply : this.#m.c.save}
        </button>
      </div>
      <p class="error" part=${r ? 'reply-error' : 'edit-error'} id=${errorId} role="alert">${this.#error}</p>`;
  }

  #renderReply(c: PublicComment): TemplateResult {
    const m = this.#m;
    const name = this.#o.name();
    return html`<form
      class="reply-form"
      part="reply-form"
      novalidate
      @submit=${(e: SubmitEvent) => void this.#reply(e, c)}
      @keydown=${(e: KeyboardEvent) => this.#keydown(e)}
    >
      ${
        name === null
          ? nothing
          : html`<label part="reply-name-label">
              ${m.nameLabel}
              <input
                part="reply-name"
                autocomplete="nickname"
                aria-invalid=${this.#nameError ? 'true' : 'false'}
                aria-describedby="rembuk-reply-error-${this.#o.uid}"
                .value=${name}
                @input=${(e: Event) => void (e.target instanceof HTMLInputElement && this.#o.setName(e.target.value))}
              />
            </label>`
      }
      ${this.#field('reply', m.c.replyText, 3)}
    </form>`;
  }

  /** The editor, in place of the comment's text. */
  renderEditor(c: PublicComment): TemplateResult {
    return html`<form
      class="edit-form"
      part="edit-form"
      novalidate
      @submit=${(e: SubmitEvent) => void this.#save(e, c.id)}
      @keydown=${(e: KeyboardEvent) => this.#keydown(e)}
    >
      ${this.#field('edit', this.#m.c.editText, 4)}
    </form>`;
  }

  #renderConfirm(c: PublicComment): TemplateResult {
    const m = this.#m;
    return html`<div
      class="confirm"
      part="delete-confirm"
      role="group"
      aria-labelledby="rembuk-confirm-${this.#o.uid}"
      @keydown=${(e: KeyboardEvent) => this.#keydown(e)}
    >
      <span id="rembuk-confirm-${this.#o.uid}">${m.c.deleteConfirm}</span>
      <button class="danger" part="delete-yes" type="button" ?disabled=${this.#busy} @click=${() => void this.#delete(c.id)}>
        ${this.#busy ? m.c.deleting : m.c.delete}
      </button>
      <button class="cancel" part="delete-no" type="button" @click=${() => this.#close()}>${m.c.cancel}</button>
      <p class="error" part="delete-error" role="alert">${this.#error}</p>
    </div>`;
  }

  /** Runs a request for the open form; true when it succeeded (the form is then closed). */
  async #run(id: string, request: () => Promise<RequestOutcome<unknown>>): Promise<RequestOutcome<unknown> | null> {
    if (this.#busy) return null;
    this.#busy = true;
    this.#error = '';
    this.#nameError = false;
    this.#host.requestUpdate();
    const outcome = await request();
    // The reader may have closed this form, or opened another, while the answer was on its way.
    if (this.#open?.id !== id) return outcome;
    this.#busy = false;
    if (outcome.ok) this.#close();
    else {
      const lost = 'lost' in outcome;
      this.#error = lost ? this.#m.errors.timeout : errorMessage(this.#o.lang(), outcome.error, LIMITS);
      this.#nameError = !lost && outcome.error.field === 'authorName';
      this.#host.requestUpdate();
      void this.#focus(
        this.#nameError ? '[part="reply-name"]' : this.#open.mode === 'delete' ? '.confirm .cancel' : `.${this.#open.mode}-form textarea`,
      );
    }
    return outcome;
  }

  #invalid(message: string, nameField: boolean): void {
    this.#error = message;
    this.#nameError = nameField;
    this.#host.requestUpdate();
    void this.#focus(nameField ? '[part="reply-name"]' : `.${this.#open?.mode ?? 'reply'}-form textarea`);
  }

  async #reply(e: SubmitEvent, c: PublicComment): Promise<void> {
    e.preventDefault();
    const m = this.#m;
    const text = clean(this.#text);
    const name = this.#o.name()?.replace(/\s+/g, ' ').trim();
    if (name !== undefined && !name) return this.#invalid(m.errors.nameRequired, true);
    if (name !== undefined && name.length > LIMITS.nameMax) return this.#invalid(m.errors.nameTooLong(LIMITS.nameMax), true);
    if (!text) return this.#invalid(m.errors.textRequired, false);
    if (text.length > LIMITS.textMax) return this.#invalid(m.errors.textTooLong(LIMITS.textMax), false);
    const key = this.#key.for(`${c.id}\n${text}`);
    const outcome = await this.#run(c.id, async () => {
      const o = await this.#o.post({ text, parentId: c.id, key, ...(name === undefined ? {} : { authorName: name }) });
      this.#key.answered(o);
      // A rejected reply is an answer, not an error: the text stays so the reader can rephrase it.
      if (o.ok && o.data.comment.status === 'rejected') {
        const why = this.#o.reasons(o.data.comment.id);
        return { ok: false, error: { code: 'INVALID_INPUT', message: why.length > 0 ? `${m.rejected} ${m.reason(why)}` : m.rejected } };
      }
      return o;
    });
    if (outcome?.ok) {
      this.#text = '';
      this.#o.posted((outcome.data as CommentCreated).comment);
    }
  }

  async #save(e: SubmitEvent, id: string): Promise<void> {
    e.preventDefault();
    const text = clean(this.#text);
    if (!text) return this.#invalid(this.#m.errors.textRequired, false);
    if (text.length > LIMITS.textMax) return this.#invalid(this.#m.errors.textTooLong(LIMITS.textMax), false);
    await this.#run(id, () => this.#o.edit(id, text));
  }

  async #delete(id: string): Promise<void> {
    await this.#run(id, () => this.#o.remove(id));
  }

  /** Focuses what the update already requested will render (call after requestUpdate). */
  async #focus(...selectors: string[]): Promise<void> {
    await this.#host.updateComplete;
    for (const s of selectors) {
      const el = this.#host.renderRoot.querySelector<HTMLElement>(s);
      if (el) return el.focus();
    }
  }
}

/**
 * Reporting a comment to the moderators: the "Report" control under another reader's comment,
 * the inline form it discloses (a reason, an optional note), and what the reader is told after.
 * `<rembuk-thread>` owns one and renders it inside each comment; it keeps its own state and asks
 * its host to re-render. At most one form is open at a time. Focus goes into the form when it opens, back to its control when it
 * closes (Cancel, Escape), and to the answer once the report is in, so the keyboard never loses
 * its place.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { PublicComment } from '../../protocol/comment.ts';
import { REPORT_REASONS, type CommentReported, type CommentReportRequest, type ReportReason } from '../../protocol/events.ts';
import { LIMITS } from '../../protocol/limits.ts';
import { errorMessage, messages, type Lang } from '../i18n.ts';
import type { RequestOutcome } from './thread-controller.ts';

export interface ReportFormOptions {
  send: (input: Omit<CommentReportRequest, 'page'>) => Promise<RequestOutcome<CommentReported>>;
  lang: () => Lang;
  /** The element's instance number, so ids stay unique with several threads on a page. */
  uid: number;
}

type Host = ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };

export class ReportForm {
  readonly #host: Host;
  readonly #options: ReportFormOptions;
  /** The comment whose form is open, if any. */
  #open: string | null = null;
  #reason: ReportReason | null = null;
  #note = '';
  #sending = false;
  #error = '';
  /** Comments reported this visit, and whether the server counted it as this reader's first report. */
  readonly #done = new Map<string, boolean>();

  constructor(host: Host, options: ReportFormOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** The control, the open form, or the answer, for one comment the reader may report. */
  render(comment: PublicComment): TemplateResult {
    const m = messages(this.#options.lang()).report;
    const first = this.#done.get(comment.id);
    if (first !== undefined) {
      return html`<p class="report-done" part="report-done" role="status" tabindex="-1" data-report-done=${comment.id}>
        ${first ? m.thanks : m.already}
      </p>`;
    }
    const open = this.#open === comment.id;
    const formId = `rembuk-report-${this.#options.uid}`;
    return html`
      <button
        class="report"
        part="report-button"
        type="button"
        data-report=${comment.id}
        aria-label=${m.openLabel(comment.authorName)}
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? formId : nothing}
        @click=${() => (open ? this.#close(comment.id) : this.#openFor(comment.id))}
      >
        ${m.open}
      </button>
      ${open ? this.#renderForm(comment.id, formId) : nothing}
    `;
  }

  #renderForm(id: string, formId: string): TemplateResult {
    const lang = this.#options.lang();
    const m = messages(lang).report;
    const errorId = `${formId}-error`;
    return html`
      <form
        class="report-form"
        part="report-form"
        id=${formId}
        novalidate
        @submit=${(e: SubmitEvent) => void this.#submit(e, id)}
        @keydown=${(e: KeyboardEvent) => this.#onKeydown(e, id)}
      >
        <fieldset aria-describedby=${errorId}>
          <legend part="report-legend">${m.legend}</legend>
          ${REPORT_REASONS.map(
            (reason) =>
              html`<label class="choice" part="report-choice">
                <input type="radio" name="reason" value=${reason} .checked=${this.#reason === reason} @change=${() => this.#choose(reason)} />
                ${m.reasons[reason]}
              </label>`,
          )}
        </fieldset>
        <label part="report-note-label">
          ${m.noteLabel(LIMITS.reportNoteMax)}
          <textarea
            part="report-note"
            name="note"
            rows="2"
            maxlength=${LIMITS.reportNoteMax}
            .value=${this.#note}
            @input=${(e: Event) => this.#onNote(e)}
          ></textarea>
        </label>
        <div class="actions">
          <button class="cancel" part="report-cancel" type="button" @click=${() => this.#close(id)}>${m.cancel}</button>
          <button class="post" part="report-send" type="submit" ?disabled=${this.#sending}>${this.#sending ? m.sending : m.send}</button>
        </div>
        <p class="error" part="report-error" id=${errorId} role="alert">${this.#error}</p>
      </form>
    `;
  }

  #openFor(id: string): void {
    this.#open = id;
    this.#reason = null;
    this.#note = '';
    this.#error = '';
    this.#sending = false;
    this.#host.requestUpdate();
    void this.#focus('.report-form input[type="radio"]');
  }

  #close(id: string): void {
    if (this.#open !== id) return;
    this.#open = null;
    this.#host.requestUpdate();
    void this.#focus(`[data-report="${CSS.escape(id)}"]`);
  }

  #choose(reason: ReportReason): void {
    this.#reason = reason;
    if (this.#error !== '') this.#error = '';
    this.#host.requestUpdate();
  }

  #onNote(e: Event): void {
    if (e.target instanceof HTMLTextAreaElement) this.#note = e.target.value;
  }

  #onKeydown(e: KeyboardEvent, id: string): void {
    if (e.key !== 'Escape') return;
    // Escape closes this form only, not a dialog the page may have put the thread in.
    e.preventDefault();
    e.stopPropagation();
    this.#close(id);
  }

  async #submit(e: SubmitEvent, id: string): Promise<void> {
    e.preventDefault();
    if (this.#sending) return;
    const reason = this.#reason;
    if (reason === null) {
      this.#error = messages(this.#options.lang()).report.chooseReason;
      this.#host.requestUpdate();
      return this.#focus('.report-form input[type="radio"]');
    }
    const note = this.#note.trim();
    this.#sending = true;
    this.#error = '';
    this.#host.requestUpdate();
    const outcome = await this.#options.send(note === '' ? { id, reason } : { id, reason, note });
    // The reader may have closed this form, or opened another, while the answer was on its way.
    const stillOpen = this.#open === id;
    if (stillOpen) this.#sending = false;
    if (outcome.ok) {
      this.#done.set(id, outcome.data.first);
      if (stillOpen) this.#open = null;
    } else if (stillOpen) {
      this.#error = errorMessage(this.#options.lang(), outcome.error, LIMITS);
    }
    this.#host.requestUpdate();
    // The form (and the send button that had focus) is gone: the answer takes the focus, and is read out.
    if (outcome.ok && stillOpen) void this.#focus(`[data-report-done="${CSS.escape(id)}"]`);
  }

  /** Focuses what the update already requested will render (call after requestUpdate). */
  async #focus(selector: string): Promise<void> {
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

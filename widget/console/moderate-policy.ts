/**
 * `<moderate-policy>`: the site's moderation policy as JSON in a textarea; "Preview" runs the
 * dry run on the site's recent comments and shows what would change, side by side; "Save" is
 * offered only for the text just previewed (policy-draft.ts). A refused field is named.
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { formatAbsoluteTime } from '../relative-time.ts';
import { threadStyles } from '../thread/rembuk-thread.styles.ts';
import { consoleErrorText, consoleMessages, type Lang } from './console-i18n.ts';
import { consoleStyles } from './console.styles.ts';
import { highlightPieces } from './highlight.ts';
import type { ModerationConnection } from './moderation-client.ts';
import {
  canSave,
  createPolicyDraft,
  editDraft,
  failed,
  parsePolicyText,
  previewed,
  previewIsStale,
  saved,
  type PolicyDraft,
} from './policy-draft.ts';
import type { PolicyView } from '../../protocol/moderation.ts';

export class ModeratePolicy extends LitElement {
  static override styles = [threadStyles, consoleStyles];

  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    _view: { state: true },
    _draft: { state: true },
    _busy: { state: true },
    _saved: { state: true },
    _loadError: { state: true },
  };

  declare connection: ModerationConnection | null;
  declare locale: Lang;
  declare _view: PolicyView | null;
  declare _draft: PolicyDraft | null;
  declare _busy: boolean;
  declare _saved: boolean;
  declare _loadError: string;

  constructor() {
    super();
    this.connection = null;
    this.locale = 'id';
    this._view = null;
    this._draft = null;
    this._busy = false;
    this._saved = false;
    this._loadError = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection')) void this.#load();
  }

  async #load(): Promise<void> {
    if (!this.connection) return;
    const result = await this.connection.request('policy:get', {});
    if (!result.ok) {
      this._loadError = consoleErrorText(this.locale, result.error, Date.now());
      return;
    }
    this._view = result.data;
    this._draft = createPolicyDraft(result.data.policy);
  }

  override render(): TemplateResult {
    const m = consoleMessages(this.locale);
    const draft = this._draft;
    const view = this._view;
    if (!draft || !view)
      return html`<h2 class="heading">${m.policy.heading}</h2>
        <p class="muted" role="status">${this._loadError || m.loading}</p>`;
    const when = view.updatedAt === null ? null : formatAbsoluteTime(view.updatedAt, this.locale);
    return html`
      <h2 class="heading">${m.policy.heading}</h2>
      <p class="muted">${m.policy.source(view.updatedBy, when)}</p>
      <form @submit=${(e: Event) => e.preventDefault()}>
        <label
          >${m.policy.editor}
          <textarea
            name="policy"
            rows="18"
            spellcheck="false"
            aria-describedby="policy-error"
            aria-invalid=${draft.error ? 'true' : 'false'}
            .value=${draft.text}
            @input=${this.#onInput}
          ></textarea>
        </label>
        <p class="error" id="policy-error" role="alert">
          ${draft.error ? html`${draft.error.field ? html`<strong>${m.policy.field(draft.error.field)}</strong> ` : nothing}${this.#errorText(draft)}` : ''}
        </p>
        <div class="actions">
          <span class="muted" role="status"
            >${this._saved ? m.policy.saved : previewIsStale(draft) ? m.policy.stale : canSave(draft) ? '' : m.policy.previewFirst}</span
          >
          <span class="row">
            <button class="secondary" type="button" ?disabled=${this._busy} @click=${() => void this.#preview()}>${m.policy.preview}</button>
            <button class="primary" type="button" ?disabled=${this._busy || !canSave(draft)} @click=${() => void this.#save()}>
              ${m.policy.save}
            </button>
          </span>
        </div>
      </form>
      ${draft.preview ? this.#renderPreview(draft) : nothing}
    `;
  }

  #errorText(draft: PolicyDraft): string {
    const error = draft.error;
    if (!error) return '';
    const m = consoleMessages(this.locale);
    if (error.code === 'JSON') return m.policy.notJson(error.message);
    return consoleErrorText(this.locale, { code: error.code, message: error.message }, Date.now());
  }

  #renderPreview(draft: PolicyDraft): TemplateResult {
    const m = consoleMessages(this.locale);
    const preview = draft.preview;
    if (!preview) return html``;
    return html`<section aria-labelledby="preview-title">
      <h3 id="preview-title">${m.policy.preview}</h3>
      <p role="status">${m.policy.result(preview.examined, preview.changed)}</p>
      ${
        preview.examples.length > 0
          ? html`<table>
              <thead>
                <tr>
                  <th scope="col">${m.policy.comment}</th>
                  <th scope="col">${m.policy.before}</th>
                  <th scope="col">${m.policy.after}</th>
                </tr>
              </thead>
              <tbody>
                ${preview.examples.map(
                  (ex) =>
                    html`<tr>
                      <td>
                        <strong>${ex.comment.authorName}</strong>
                        <p class="text">
                          ${highlightPieces(
                            ex.comment.text,
                            ex.reasons.flatMap((r) => r.spans),
                          ).map((p) => (p.marked ? html`<mark>${p.text}</mark>` : p.text))}
                        </p>
                      </td>
                      <td>${m.policy.actions[ex.before]}</td>
                      <td>
                        ${m.policy.actions[ex.after]}
                        <ul class="reasons">
                          ${ex.reasons.map((r) => html`<li>${r.message[this.locale] || r.rule}</li>`)}
                        </ul>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : nothing
      }
    </section>`;
  }

  #onInput = (e: Event): void => {
    if (!(e.target instanceof HTMLTextAreaElement) || !this._draft) return;
    this._draft = editDraft(this._draft, e.target.value);
    this._saved = false;
  };

  async #preview(): Promise<void> {
    const draft = this._draft;
    if (!draft || !this.connection) return;
    const text = draft.text;
    const parsed = parsePolicyText(text);
    if (!parsed.ok) {
      this._draft = failed(draft, { json: parsed.message });
      return;
    }
    this._busy = true;
    const result = await this.connection.request('policy:dry-run', { policy: parsed.policy });
    this._busy = false;
    const current = this._draft ?? draft;
    this._draft = result.ok ? previewed(current, text, result.data) : failed(current, result.error);
  }

  async #save(): Promise<void> {
    const draft = this._draft;
    if (!draft || !canSave(draft) || !this.connection) return;
    const parsed = parsePolicyText(draft.text);
    if (!parsed.ok) return;
    this._busy = true;
    const result = await this.connection.request('policy:save', { policy: parsed.policy });
    this._busy = false;
    if (result.ok) {
      this._view = result.data;
      this._draft = saved(result.data.policy);
      this._saved = true;
    } else this._draft = failed(this._draft ?? draft, result.error);
  }
}

customElements.define('moderate-policy', ModeratePolicy);

declare global {
  interface HTMLElementTagNameMap {
    'moderate-policy': ModeratePolicy;
  }
}

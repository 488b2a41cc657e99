/**
 * `<moderate-author-drawer>`: an author's recent comments on this site (`author:history`), in
 * a modal dialog that opens when the element is rendered and fires DrawerClosedEvent when the
 * moderator closes it (Escape, or the button).
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { WireError } from '../../protocol/errors.ts';
import type { AuthorHistoryResult } from '../../protocol/moderation.ts';
import { formatAbsoluteTime, formatRelativeTime } from '../relative-time.ts';
import { threadStyles } from '../thread/rembuk-thread.styles.ts';
import { consoleErrorText, consoleMessages, type Lang } from './console-i18n.ts';
import { consoleStyles } from './console.styles.ts';
import { DrawerClosedEvent } from './events/drawer-closed-event.ts';
import type { ModerationConnection } from './moderation-client.ts';

export class ModerateAuthorDrawer extends LitElement {
  static override styles = [threadStyles, consoleStyles];

  static override properties = {
    connection: { attribute: false },
    authorId: { type: String },
    locale: { type: String },
    _history: { state: true },
    _error: { state: true },
  };

  declare connection: ModerationConnection | null;
  declare authorId: string;
  declare locale: Lang;
  declare _history: AuthorHistoryResult | null;
  declare _error: WireError | null;

  constructor() {
    super();
    this.connection = null;
    this.authorId = '';
    this.locale = 'id';
    this._history = null;
    this._error = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('authorId') || changed.has('connection')) void this.#load();
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  async #load(): Promise<void> {
    const connection = this.connection;
    if (!connection || !this.authorId) return;
    this._history = null;
    this._error = null;
    const result = await connection.request('author:history', { authorId: this.authorId });
    if (result.ok) this._history = result.data;
    else this._error = result.error;
  }

  override render(): TemplateResult {
    const m = consoleMessages(this.locale);
    const h = this._history;
    const now = Date.now();
    return html`<dialog aria-labelledby="drawer-title" @close=${() => this.dispatchEvent(new DrawerClosedEvent())}>
      <h2 id="drawer-title">${m.drawer.title(h?.author.name ?? this.authorId)}</h2>
      ${this._error ? html`<p class="error" role="alert">${consoleErrorText(this.locale, this._error, now)}</p>` : nothing}
      ${!h && !this._error ? html`<p class="muted">${m.loading}</p>` : nothing}
      ${
        h
          ? html`<p class="muted">
                <code>${h.author.authorId}</code> · ${m.item.approvedCount(h.author.approvedCount)} · ${m.item.rejectedCount(h.author.rejectedCount)}
              </p>
              ${
                h.recent.length === 0
                  ? html`<p class="empty">${m.drawer.none}</p>`
                  : html`<ol class="list" aria-label=${m.drawer.recent}>
                      ${h.recent.map(
                        (item) =>
                          html`<li class="comment">
                            <p class="meta">
                              <strong>${m.drawer.status[item.comment.status]}</strong>
                              <time
                                class="time"
                                datetime=${new Date(item.comment.createdAt).toISOString()}
                                title=${formatAbsoluteTime(item.comment.createdAt, this.locale)}
                                >${formatRelativeTime(item.comment.createdAt, now, this.locale, m.justNow)}</time
                              >
                              <span class="muted">${item.comment.page}</span>
                            </p>
                            <p class="text">${item.comment.text}</p>
                          </li>`,
                      )}
                    </ol>`
              }`
          : nothing
      }
      <div class="actions">
        <span></span>
        <button class="primary" type="button" @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${m.actions.close}</button>
      </div>
    </dialog>`;
  }
}

customElements.define('moderate-author-drawer', ModerateAuthorDrawer);

declare global {
  interface HTMLElementTagNameMap {
    'moderate-author-drawer': ModerateAuthorDrawer;
  }
}

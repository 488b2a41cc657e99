/**
 * `<moderate-audit>`: the site's audit log, newest first, a page at a time (who, when, what,
 * why, before → after), and the link to export all of it as JSON lines.
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { MODERATION_HTTP, type AuditEntry } from '../../protocol/moderation.ts';
import { formatAbsoluteTime } from '../relative-time.ts';
import { threadStyles } from '../thread/rembuk-thread.styles.ts';
import { consoleErrorText, consoleMessages, type Lang } from './console-i18n.ts';
import { consoleStyles } from './console.styles.ts';
import type { ModerationConnection } from './moderation-client.ts';

export class ModerateAudit extends LitElement {
  static override styles = [threadStyles, consoleStyles];

  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    _entries: { state: true },
    _cursor: { state: true },
    _loaded: { state: true },
    _busy: { state: true },
    _error: { state: true },
  };

  declare connection: ModerationConnection | null;
  declare locale: Lang;
  declare _entries: AuditEntry[];
  declare _cursor: string | null;
  declare _loaded: boolean;
  declare _busy: boolean;
  declare _error: string;

  constructor() {
    super();
    this.connection = null;
    this.locale = 'id';
    this._entries = [];
    this._cursor = null;
    this._loaded = false;
    this._busy = false;
    this._error = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection')) {
      this._entries = [];
      this._cursor = null;
      this._loaded = false;
      void this.#load(null);
    }
  }

  async #load(cursor: string | null): Promise<void> {
    const connection = this.connection;
    if (!connection || this._busy) return;
    this._busy = true;
    const result = await connection.request('audit:list', { cursor, limit: 50 });
    this._busy = false;
    if (connection !== this.connection) return;
    if (!result.ok) {
      this._error = consoleErrorText(this.locale, result.error, Date.now());
      return;
    }
    this._error = '';
    const seen = new Set(this._entries.map((e) => e.id));
    this._entries = [...(cursor === null ? [] : this._entries), ...result.data.entries.filter((e) => cursor === null || !seen.has(e.id))];
    this._cursor = result.data.nextCursor;
    this._loaded = true;
  }

  override render(): TemplateResult {
    const m = consoleMessages(this.locale);
    const site = this.connection?.site ?? '';
    const exportUrl = `${MODERATION_HTTP.auditExport}?site=${encodeURIComponent(site)}`;
    return html`
      <div class="row">
        <h2 class="heading">${m.audit.heading}</h2>
        <a href=${exportUrl} download="audit-${site}.jsonl">${m.audit.export}</a>
      </div>
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      ${!this._loaded && !this._error ? html`<p class="muted" role="status">${m.loading}</p>` : nothing}
      ${this._loaded && this._entries.length === 0 ? html`<p class="empty">${m.audit.empty}</p>` : nothing}
      ${
        this._entries.length > 0
          ? html`<table>
              <caption class="visually-hidden">
                ${m.audit.heading}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${m.audit.when}</th>
                  <th scope="col">${m.audit.who}</th>
                  <th scope="col">${m.audit.what}</th>
                  <th scope="col">${m.audit.why}</th>
                  <th scope="col">${m.audit.change}</th>
                </tr>
              </thead>
              <tbody>
                ${this._entries.map(
                  (e) =>
                    html`<tr data-id=${e.id}>
                      <td><time datetime=${new Date(e.at).toISOString()}>${formatAbsoluteTime(e.at, this.locale)}</time></td>
                      <td>${e.moderatorEmail}</td>
                      <td>${m.audit.actions[e.action]} ${this.#target(e)}</td>
                      <td>${e.reason ?? ''}</td>
                      <td>${e.before ?? '—'} → ${e.after ?? '—'}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : nothing
      }
      ${
        this._cursor !== null
          ? html`<button class="more" type="button" ?disabled=${this._busy} @click=${() => void this.#load(this._cursor)}>${m.loadMore}</button>`
          : nothing
      }
    `;
  }

  #target(e: AuditEntry): string {
    const m = consoleMessages(this.locale);
    const t = e.target;
    if ('policy' in t) return m.audit.policy;
    if ('commentId' in t) return m.audit.comment(t.commentId, t.page);
    return m.audit.author(t.authorId);
  }
}

customElements.define('moderate-audit', ModerateAudit);

declare global {
  interface HTMLElementTagNameMap {
    'moderate-audit': ModerateAudit;
  }
}

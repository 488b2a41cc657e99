/**
 * `<moderate-queues>`: the four queues as tabs with live counts, the order and filters, the
 * items, the bulk bar, the reject and ban dialogs and the keys dialog, all driven from the
 * keyboard as well (keyboard-map.ts). The connection comes down from the shell; the
 * QueueController turns it into state.
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { MODERATION_QUEUES, type BanDuration, type ModerationQueue, type QueueItem } from '../../protocol/moderation.ts';
import { threadStyles } from '../thread/rembuk-thread.styles.ts';
import { ClockController } from '../clock-controller.ts';
import { consoleErrorText, consoleMessages, type ConsoleMessages, type Lang } from './console-i18n.ts';
import { consoleStyles } from './console.styles.ts';
import { formText } from './form-text.ts';
import { commandFor, KEY_BINDINGS, type ConsoleCommand } from './keyboard-map.ts';
import type { ModerationConnection } from './moderation-client.ts';
import { QueueController, type QueueOutcome } from './queue-controller.ts';
import { renderQueueItem } from './queue-item-view.ts';
import { focusedItem, focusItem, moveFocus, rulesShown, toggleAll, toggleSelected, type QueueFilters } from './queue-state.ts';
import './moderate-author-drawer.ts';

const BAN_DURATIONS: readonly BanDuration[] = ['1d', '7d', 'permanent'];
const TYPED = '__typed__';

export class ModerateQueues extends LitElement {
  static override styles = [threadStyles, consoleStyles];

  static override properties = {
    connection: { attribute: false },
    locale: { type: String },
    _rejecting: { state: true },
    _banning: { state: true },
    _historyOf: { state: true },
    _rejectChoice: { state: true },
  };

  declare connection: ModerationConnection | null;
  declare locale: Lang;
  /** The items a reject dialog is for: one, or the selection ('selected'). */
  declare _rejecting: QueueItem | 'selected' | null;
  declare _banning: QueueItem | null;
  declare _historyOf: string | null;
  declare _rejectChoice: string;

  readonly queue = new QueueController(this);
  readonly #clock = new ClockController(this, 30_000);
  /** The element to give the focus back to when a dialog closes. */
  #returnFocus: HTMLElement | null = null;
  #moveFocusAfterRender = false;

  constructor() {
    super();
    this.connection = null;
    this.locale = 'id';
    this._rejecting = null;
    this._banning = null;
    this._historyOf = null;
    this._rejectChoice = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.#onKeydown);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('keydown', this.#onKeydown);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection')) this.queue.attach(this.connection);
  }

  protected override updated(): void {
    if (!this.#moveFocusAfterRender) return;
    this.#moveFocusAfterRender = false;
    const id = this.queue.state.focusedId;
    const el = id === null ? null : this.renderRoot.querySelector<HTMLElement>(`article[data-id="${CSS.escape(id)}"]`);
    el?.focus();
    el?.scrollIntoView?.({ block: 'nearest' });
  }

  get #m(): ConsoleMessages {
    return consoleMessages(this.locale);
  }

  get #now(): number {
    return Math.max(this.#clock.now, Date.now());
  }

  override render(): TemplateResult {
    const m = this.#m;
    const { state } = this.queue;
    return html`
      <h2 class="visually-hidden">${m.queueTabs}</h2>
      <div class="tabs" role="tablist" aria-label=${m.queueTabs}>${MODERATION_QUEUES.map((q, n) => this.#renderTab(q, n + 1))}</div>
      <section role="tabpanel" id="queue-panel" aria-labelledby="tab-${state.queue}">
        ${this.#renderToolbar()}
        <p class="status-line ${this.queue.outcome?.kind === 'error' ? 'error' : ''}" role="status" aria-live="polite">
          ${this.#outcomeText(this.queue.outcome)}
        </p>
        ${this.#renderBulk()} ${this.#renderList()}
      </section>
      ${this.#renderRejectDialog()} ${this.#renderBanDialog()} ${this.#renderKeysDialog()}
      ${
        this._historyOf !== null
          ? html`<moderate-author-drawer
              .connection=${this.connection}
              .authorId=${this._historyOf}
              .locale=${this.locale}
              @moderate-drawer-closed=${this.#closeHistory}
            ></moderate-author-drawer>`
          : nothing
      }
    `;
  }

  #renderTab(queue: ModerationQueue, key: number): TemplateResult {
    const m = this.#m;
    const selected = this.queue.state.queue === queue;
    const count = this.queue.counts[queue];
    return html`<button
      role="tab"
      type="button"
      id="tab-${queue}"
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls="queue-panel"
      aria-keyshortcuts=${String(key)}
      tabindex=${selected ? 0 : -1}
      @click=${() => this.queue.show(queue)}
      @keydown=${this.#onTabKeydown}
    >
      ${m.queues[queue]}<span class="count" aria-hidden="true">${count.toLocaleString(this.locale)}</span
      ><span class="visually-hidden">${m.countLabel(count)}</span>
    </button>`;
  }

  #renderToolbar(): TemplateResult {
    const m = this.#m;
    const { state } = this.queue;
    return html`
      <form class="toolbar" role="search" aria-label=${m.filters.legend} @submit=${this.#onFilter}>
        <label
          >${m.order.label}
          <select name="order" .value=${state.order} @change=${this.#onOrder}>
            <option value="newest" ?selected=${state.order === 'newest'}>${m.order.newest}</option>
            <option value="oldest" ?selected=${state.order === 'oldest'}>${m.order.oldest}</option>
          </select>
        </label>
        <label>${m.filters.page} <input name="page" .value=${state.filters.page} autocomplete="off" /></label>
        <label>${m.filters.rule} <input name="rule" list="known-rules" .value=${state.filters.rule} autocomplete="off" /></label>
        <datalist id="known-rules">${rulesShown(state).map((r) => html`<option value=${r}></option>`)}</datalist>
        <label>${m.filters.search} <input name="search" type="search" .value=${state.filters.search} autocomplete="off" /></label>
        <button class="secondary" type="submit">${m.filters.apply}</button>
        <button class="secondary" type="button" @click=${() => this.queue.setFilters({ page: '', rule: '', search: '' })}>${m.filters.clear}</button>
        <button class="secondary" type="button" aria-haspopup="dialog" @click=${() => this.#openKeys()}>${m.keys.open}</button>
      </form>
    `;
  }

  #renderBulk(): TemplateResult | typeof nothing {
    const m = this.#m;
    const { state } = this.queue;
    if (state.items.length === 0) return nothing;
    const n = state.selected.size;
    const all = n > 0 && n === state.items.length;
    return html`<div class="bulk row" role="group" aria-label=${m.selectedCount(n)}>
      <label class="choice"
        ><input type="checkbox" .checked=${all} @change=${() => this.queue.setState(toggleAll(this.queue.state))} /> ${m.selectAll}</label
      >
      <span class="muted" aria-live="polite">${m.selectedCount(n)}</span>
      <button class="primary small" type="button" ?disabled=${n === 0 || this.queue.busy} @click=${() => void this.queue.decideSelected('approve')}>
        ${m.approveSelected}
      </button>
      <button class="danger small" type="button" ?disabled=${n === 0 || this.queue.busy} @click=${() => this.#openReject('selected')}>
        ${m.rejectSelected}
      </button>
    </div>`;
  }

  #renderList(): TemplateResult {
    const m = this.#m;
    const q = this.queue;
    const { state } = q;
    if (state.phase === 'loading') return html`<p class="empty">${m.loading}</p>`;
    if (state.phase === 'failed')
      return html`<p class="error" role="alert">${q.loadError ? consoleErrorText(this.locale, q.loadError, this.#now) : ''}</p>`;
    if (state.items.length === 0) return html`<p class="empty">${m.empty}</p>`;
    return html`
      <ol class="list" aria-label=${m.queues[state.queue]}>
        ${state.items.map(
          (item) =>
            html`<li>
              ${renderQueueItem(item, {
                lang: this.locale,
                now: this.#now,
                focused: item.comment.id === state.focusedId,
                selected: state.selected.has(item.comment.id),
                busy: q.busy,
                onFocus: () => {
                  if (q.state.focusedId !== item.comment.id) q.setState(focusItem(q.state, item.comment.id));
                },
                onToggle: () => q.setState(toggleSelected(q.state, item.comment.id)),
                onApprove: () => void q.decide(item, 'approve'),
                onReject: () => this.#openReject(item),
                onBan: () => this.#openBan(item),
                onUnban: () => void q.unban(item.comment.authorId),
                onTrust: (trusted) => void q.setTrusted(item.comment.authorId, trusted),
                onHistory: () => this.#openHistory(item.comment.authorId),
              })}
            </li>`,
        )}
      </ol>
      ${
        state.nextCursor !== null
          ? html`<button class="more" type="button" ?disabled=${q.loadingMore} @click=${() => void q.loadMore()}>
              ${q.loadingMore ? m.loading : m.loadMore}
            </button>`
          : nothing
      }
    `;
  }

  #renderRejectDialog(): TemplateResult {
    const m = this.#m;
    const target = this._rejecting;
    const n = target === 'selected' ? this.queue.state.selected.size : 1;
    return html`<dialog id="reject-dialog" aria-labelledby="reject-title" @close=${this.#onDialogClose}>
      <h2 id="reject-title">${target === 'selected' ? m.rejectDialog.many(n) : m.rejectDialog.title}</h2>
      <form method="dialog" @submit=${this.#onRejectSubmit}>
        <fieldset>
          <legend>${m.rejectDialog.reason}</legend>
          ${m.rejectDialog.presets.map(
            (p) =>
              html`<label class="choice"
                ><input type="radio" name="preset" value=${p} .checked=${this._rejectChoice === p} @change=${() => (this._rejectChoice = p)} />
                ${p}</label
              >`,
          )}
          <label class="choice"
            ><input
              type="radio"
              name="preset"
              value=${TYPED}
              .checked=${this._rejectChoice === TYPED}
              @change=${() => (this._rejectChoice = TYPED)}
            />
            ${m.rejectDialog.typed}</label
          >
          <label
            >${m.rejectDialog.typedLabel}
            <input name="typed" maxlength="500" autocomplete="off" @input=${() => (this._rejectChoice = TYPED)} />
          </label>
        </fieldset>
        <div class="actions">
          <button class="secondary" type="button" @click=${() => this.#closeDialog('reject-dialog')}>${m.actions.cancel}</button>
          <button class="danger" type="submit">${m.rejectDialog.confirm}</button>
        </div>
      </form>
    </dialog>`;
  }

  #renderBanDialog(): TemplateResult {
    const m = this.#m;
    const item = this._banning;
    return html`<dialog id="ban-dialog" aria-labelledby="ban-title" @close=${this.#onDialogClose}>
      <h2 id="ban-title">${m.banDialog.title(item?.comment.authorName ?? '')}</h2>
      <form method="dialog" @submit=${this.#onBanSubmit}>
        <fieldset>
          <legend>${m.banDialog.duration}</legend>
          ${BAN_DURATIONS.map(
            (d, n) =>
              html`<label class="choice"><input type="radio" name="duration" value=${d} ?checked=${n === 0} /> ${m.banDialog.durations[d]}</label>`,
          )}
        </fieldset>
        <label class="choice"><input type="checkbox" name="rejectPending" /> ${m.banDialog.rejectPending}</label>
        <label>${m.banDialog.reason} <input name="reason" maxlength="500" autocomplete="off" /></label>
        <div class="actions">
          <button class="secondary" type="button" @click=${() => this.#closeDialog('ban-dialog')}>${m.actions.cancel}</button>
          <button class="danger" type="submit">${m.banDialog.confirm}</button>
        </div>
      </form>
    </dialog>`;
  }

  #renderKeysDialog(): TemplateResult {
    const m = this.#m;
    return html`<dialog id="keys-dialog" aria-labelledby="keys-title" @close=${this.#onDialogClose}>
      <h2 id="keys-title">${m.keys.title}</h2>
      <table>
        <tbody>
          ${KEY_BINDINGS.map(
            (b) =>
              html`<tr>
                <th scope="row">${b.keys.map((k, n) => html`${n > 0 ? ' ' : ''}<kbd>${k}</kbd>`)}</th>
                <td>${m.keys.does[b.does]}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <div class="actions">
        <span></span>
        <button class="primary" type="button" @click=${() => this.#closeDialog('keys-dialog')}>${m.actions.close}</button>
      </div>
    </dialog>`;
  }

  #outcomeText(outcome: QueueOutcome | null): string {
    const m = this.#m;
    if (!outcome) return '';
    switch (outcome.kind) {
      case 'approved':
        return m.outcome.approved;
      case 'rejected':
        return m.outcome.rejected;
      case 'unbanned':
        return m.outcome.unbanned;
      case 'trusted':
        return m.outcome.trusted;
      case 'untrusted':
        return m.outcome.untrusted;
      case 'banned':
        return m.outcome.banned(outcome.rejected);
      case 'bulk':
        return m.outcome.bulk(outcome.done, outcome.notDone);
      case 'error':
        return consoleErrorText(this.locale, outcome.error, this.#now);
    }
  }

  #dialog(id: string): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>(`#${id}`);
  }

  #anyDialogOpen(): boolean {
    return this._historyOf !== null || [...this.renderRoot.querySelectorAll('dialog')].some((d) => d.open);
  }

  #rememberFocus(): void {
    const active = this.shadowRoot?.activeElement;
    this.#returnFocus = active instanceof HTMLElement ? active : null;
  }

  #openReject(target: QueueItem | 'selected'): void {
    this.#rememberFocus();
    this._rejecting = target;
    this._rejectChoice = this.#m.rejectDialog.presets[0] ?? '';
    void this.updateComplete.then(() => {
      const dialog = this.#dialog('reject-dialog');
      dialog?.querySelector('form')?.reset();
      dialog?.showModal();
    });
  }

  #openBan(item: QueueItem): void {
    this.#rememberFocus();
    this._banning = item;
    void this.updateComplete.then(() => {
      const dialog = this.#dialog('ban-dialog');
      dialog?.querySelector('form')?.reset();
      dialog?.showModal();
    });
  }

  #openKeys(): void {
    this.#rememberFocus();
    this.#dialog('keys-dialog')?.showModal();
  }

  #openHistory(authorId: string): void {
    this.#rememberFocus();
    this._historyOf = authorId;
  }

  #closeHistory = (): void => {
    this._historyOf = null;
    this.#restoreFocus();
  };

  #closeDialog(id: string): void {
    this.#dialog(id)?.close();
  }

  #onDialogClose = (): void => {
    this._rejecting = null;
    this._banning = null;
    this.#restoreFocus();
  };

  #restoreFocus(): void {
    const el = this.#returnFocus;
    this.#returnFocus = null;
    if (el?.isConnected) el.focus();
    else this.#moveFocusAfterRender = true;
  }

  #onRejectSubmit = (e: SubmitEvent): void => {
    const form = e.currentTarget;
    if (!(form instanceof HTMLFormElement)) return;
    const typed = formText(new FormData(form), 'typed').trim();
    const reason = this._rejectChoice === TYPED ? typed || null : this._rejectChoice || null;
    const target = this._rejecting;
    if (target === 'selected') void this.queue.decideSelected('reject', reason);
    else if (target) void this.queue.decide(target, 'reject', reason);
    this.#moveFocusAfterRender = true;
  };

  #onBanSubmit = (e: SubmitEvent): void => {
    const form = e.currentTarget;
    const item = this._banning;
    if (!(form instanceof HTMLFormElement) || !item) return;
    const data = new FormData(form);
    const duration = BAN_DURATIONS.find((d) => d === data.get('duration')) ?? '1d';
    const reason = formText(data, 'reason').trim() || null;
    void this.queue.ban(item.comment.authorId, duration, data.get('rejectPending') !== null, reason);
  };

  #onFilter = (e: SubmitEvent): void => {
    e.preventDefault();
    const form = e.currentTarget;
    if (!(form instanceof HTMLFormElement)) return;
    const data = new FormData(form);
    const filters: QueueFilters = {
      page: formText(data, 'page'),
      rule: formText(data, 'rule'),
      search: formText(data, 'search'),
    };
    this.queue.setFilters(filters);
  };

  #onOrder = (e: Event): void => {
    if (e.target instanceof HTMLSelectElement) this.queue.setOrder(e.target.value === 'oldest' ? 'oldest' : 'newest');
  };

  /** Arrow keys move between the tabs, as the ARIA tabs pattern expects. */
  #onTabKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const at = MODERATION_QUEUES.indexOf(this.queue.state.queue);
    const next = MODERATION_QUEUES[(at + (e.key === 'ArrowRight' ? 1 : MODERATION_QUEUES.length - 1)) % MODERATION_QUEUES.length];
    if (next) {
      this.queue.show(next);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
    }
  };

  #onKeydown = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || !this.isConnected || this.#anyDialogOpen()) return;
    const path = e.composedPath().filter((t): t is Element => t instanceof Element);
    const command = commandFor(e, path);
    if (!command) return;
    e.preventDefault();
    this.#run(command);
  };

  #run(command: ConsoleCommand): void {
    const q = this.queue;
    const item = focusedItem(q.state);
    switch (command.kind) {
      case 'next':
      case 'previous':
        q.setState(moveFocus(q.state, command.kind === 'next' ? 1 : -1));
        this.#moveFocusAfterRender = true;
        return;
      case 'approve':
        if (item) {
          this.#moveFocusAfterRender = true;
          void q.decide(item, 'approve');
        }
        return;
      case 'reject':
        if (item) this.#openReject(item);
        return;
      case 'ban':
        if (item) this.#openBan(item);
        return;
      case 'select':
        if (item) q.setState(toggleSelected(q.state, item.comment.id));
        return;
      case 'queue':
        q.show(command.queue);
        return;
      case 'help':
        this.#openKeys();
        return;
    }
  }
}

customElements.define('moderate-queues', ModerateQueues);

declare global {
  interface HTMLElementTagNameMap {
    'moderate-queues': ModerateQueues;
  }
}

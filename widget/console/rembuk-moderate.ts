/**
 * `<rembuk-moderate>`: the moderation console's shell. It owns the session (SessionController)
 * and hands its connection down to the page shown: the queues, the policy, the overview or the
 * audit log. It picks the language (the moderator's choice, else the browser's, else
 * Indonesian), the site among several, and says when the connection is lost or refused.
 */
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { threadStyles } from '../thread/rembuk-thread.styles.ts';
import { createBrowserStore, type KeyValueStore } from '../storage.ts';
import { consoleErrorText, consoleMessages, pickLang, type Lang } from './console-i18n.ts';
import { consoleStyles } from './console.styles.ts';
import type { SignInEvent } from './events/sign-in-event.ts';
import { createModerationClient, type ModerationClient } from './moderation-client.ts';
import { SessionController } from './session-controller.ts';
import { css } from 'lit';
import './moderate-sign-in.ts';
import './moderate-queues.ts';
import './moderate-policy.ts';
import './moderate-overview.ts';
import './moderate-audit.ts';

const LANG_KEY = 'rembuk:moderate:lang';
const PAGES = ['queues', 'policy', 'overview', 'audit'] as const;
type Page = (typeof PAGES)[number];

const shellStyles = css`
  :host {
    max-width: 72em;
    margin: 0 auto;
    padding: var(--_space);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
    margin: 0 0 var(--_space);
    padding: 0 0 calc(var(--_space) * 0.5);
    border-bottom: 1px solid var(--_border);
  }
  h1 {
    margin: 0;
    font-size: 1.4em;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
  }
  nav button[aria-current='page'] {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  main {
    display: block;
  }
  .sign-in {
    max-width: 28em;
  }
`;

export class RembukModerate extends LitElement {
  static override styles = [threadStyles, consoleStyles, shellStyles];

  static override properties = {
    _lang: { state: true },
    _page: { state: true },
  };

  declare _lang: Lang;
  declare _page: Page;

  readonly #storage: KeyValueStore = createBrowserStore();
  /** Replaced by tests through `client` before the element connects. */
  client: ModerationClient = createModerationClient();
  readonly #session: SessionController;

  constructor() {
    super();
    this._lang = pickLang(this.#storage.get(LANG_KEY), globalThis.navigator?.languages ?? []);
    this._page = 'queues';
    // The controller reads `client` when it first asks, so a client set before connecting is used.
    this.#session = new SessionController(
      this,
      {
        getSession: () => this.client.getSession(),
        signIn: (e, p) => this.client.signIn(e, p),
        signOut: () => this.client.signOut(),
        connect: (s) => this.client.connect(s),
      },
      this.#storage,
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#applyLang();
  }

  #applyLang(): void {
    document.documentElement.lang = this._lang;
    document.title = consoleMessages(this._lang).appTitle;
  }

  override render(): TemplateResult {
    const m = consoleMessages(this._lang);
    const s = this.#session;
    return html`
      <header>
        <h1>${m.appTitle}</h1>
        <div class="row">
          <label class="row"
            >${m.language}
            <select @change=${this.#onLang}>
              ${(['id', 'en'] as const).map((l) => html`<option value=${l} ?selected=${l === this._lang} lang=${l}>${m.languageNames[l]}</option>`)}
            </select>
          </label>
          ${s.phase === 'signed-in' && s.session ? this.#renderAccount() : nothing}
        </div>
      </header>
      <main>${this.#renderMain()}</main>
    `;
  }

  #renderAccount(): TemplateResult {
    const m = consoleMessages(this._lang);
    const s = this.#session;
    const sites = s.session?.sites ?? [];
    return html`
      ${
        sites.length > 1
          ? html`<label class="row"
              >${m.site}
              <select @change=${this.#onSite}>
                ${sites.map((site) => html`<option value=${site.id} ?selected=${site.id === s.site}>${site.name}</option>`)}
              </select></label
            >`
          : html`<span class="muted">${sites[0]?.name ?? ''}</span>`
      }
      <span class="muted">${m.signedInAs(s.session?.email ?? '')}</span>
      <button class="secondary small" type="button" @click=${() => void s.signOut()}>${m.signOut}</button>
    `;
  }

  #renderMain(): TemplateResult {
    const m = consoleMessages(this._lang);
    const s = this.#session;
    if (s.phase === 'checking') return html`<p class="muted" role="status">${m.loading}</p>`;
    if (s.phase === 'signed-out') {
      return html`<div class="sign-in">
        <moderate-sign-in .locale=${this._lang} .busy=${s.signingIn} .error=${s.signInError} @moderate-sign-in=${this.#onSignIn}></moderate-sign-in>
      </div>`;
    }
    const status = s.status;
    const notice =
      status.state === 'refused'
        ? consoleErrorText(this._lang, status.error, Date.now())
        : status.state === 'reconnecting'
          ? m.reconnecting
          : status.state === 'connecting'
            ? m.connecting
            : '';
    return html`
      <nav aria-label=${m.nav.label}>
        <ul>
          ${PAGES.map(
            (p) =>
              html`<li>
                <button class="secondary small" type="button" aria-current=${p === this._page ? 'page' : 'false'} @click=${() => (this._page = p)}>
                  ${m.nav[p]}
                </button>
              </li>`,
          )}
        </ul>
      </nav>
      <p class="notice" role="status">${notice}</p>
      ${this.#renderPage()}
    `;
  }

  #renderPage(): TemplateResult {
    const connection = this.#session.connection;
    switch (this._page) {
      case 'queues':
        return html`<moderate-queues .connection=${connection} .locale=${this._lang}></moderate-queues>`;
      case 'policy':
        return html`<moderate-policy .connection=${connection} .locale=${this._lang}></moderate-policy>`;
      case 'overview':
        return html`<moderate-overview .connection=${connection} .locale=${this._lang}></moderate-overview>`;
      case 'audit':
        return html`<moderate-audit .connection=${connection} .locale=${this._lang}></moderate-audit>`;
    }
  }

  #onSignIn = (e: SignInEvent): void => {
    void this.#session.signIn(e.email, e.password);
  };

  #onLang = (e: Event): void => {
    if (!(e.target instanceof HTMLSelectElement)) return;
    this._lang = pickLang(e.target.value, []);
    this.#storage.set(LANG_KEY, this._lang);
    this.#applyLang();
  };

  #onSite = (e: Event): void => {
    if (e.target instanceof HTMLSelectElement) this.#session.chooseSite(e.target.value);
  };
}

customElements.define('rembuk-moderate', RembukModerate);

declare global {
  interface HTMLElementTagNameMap {
    'rembuk-moderate': RembukModerate;
  }
}

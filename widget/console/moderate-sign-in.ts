/**
 * `<moderate-sign-in>`: email and password, one generic sentence for any wrong pair, and a
 * rate limit's wait counted down. It fires SignInEvent; the shell does the signing in.
 */
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import type { WireError } from '../../protocol/errors.ts';
import { CountdownController } from '../countdown-controller.ts';
import { threadStyles } from '../thread/rembuk-thread.styles.ts';
import { consoleErrorText, consoleMessages, type Lang } from './console-i18n.ts';
import { consoleStyles } from './console.styles.ts';
import { formText } from './form-text.ts';
import { SignInEvent } from './events/sign-in-event.ts';

export class ModerateSignIn extends LitElement {
  static override styles = [threadStyles, consoleStyles];

  static override properties = {
    locale: { type: String },
    busy: { type: Boolean },
    error: { attribute: false },
  };

  declare locale: Lang;
  declare busy: boolean;
  declare error: WireError | null;

  readonly #wait = new CountdownController(this);

  constructor() {
    super();
    this.locale = 'id';
    this.busy = false;
    this.error = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('error') && this.error?.code === 'RATE_LIMITED') this.#wait.start(this.error.retryAfterMs ?? 0);
  }

  override render(): TemplateResult {
    const m = consoleMessages(this.locale);
    return html`
      <form aria-labelledby="sign-in-heading" @submit=${this.#onSubmit}>
        <h2 class="heading" id="sign-in-heading">${m.signIn.heading}</h2>
        <label>${m.signIn.email} <input name="email" type="email" autocomplete="username" required /></label>
        <label>${m.signIn.password} <input name="password" type="password" autocomplete="current-password" required /></label>
        <div class="actions">
          <button class="post" type="submit" ?disabled=${this.busy || this.#wait.running}>
            ${this.busy ? m.signIn.submitting : m.signIn.submit}
          </button>
        </div>
        <p class="error" role="alert">${this.#errorText()}</p>
      </form>
    `;
  }

  #errorText(): string {
    const error = this.error;
    if (!error) return '';
    const m = consoleMessages(this.locale);
    if (error.code === 'RATE_LIMITED') {
      return this.#wait.running ? m.signIn.tryAgainIn(Math.ceil(this.#wait.remainingMs / 1000)) : '';
    }
    // Wrong email and wrong password read the same, whatever the server's words.
    if (error.code === 'SIGN_IN_FAILED' || error.code === 'INVALID_INPUT') return m.signIn.failed;
    return consoleErrorText(this.locale, error, Date.now());
  }

  #onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    const form = e.currentTarget;
    if (!(form instanceof HTMLFormElement) || this.busy || this.#wait.running) return;
    const data = new FormData(form);
    const email = formText(data, 'email').trim();
    const password = formText(data, 'password');
    if (!email || !password) return;
    this.dispatchEvent(new SignInEvent(email, password));
  };
}

customElements.define('moderate-sign-in', ModerateSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'moderate-sign-in': ModerateSignIn;
  }
}

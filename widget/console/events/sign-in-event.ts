/** Fired by `<moderate-sign-in>` when the moderator submits the form; the shell signs in. */
export class SignInEvent extends Event {
  static readonly eventName = 'moderate-sign-in';
  readonly email: string;
  readonly password: string;

  constructor(email: string, password: string) {
    super(SignInEvent.eventName, { bubbles: true, composed: true });
    this.email = email;
    this.password = password;
  }
}

declare global {
  interface HTMLElementEventMap {
    'moderate-sign-in': SignInEvent;
  }
}

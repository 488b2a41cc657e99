/**
 * The reactive controller that owns who is signed in and the one /moderation connection for
 * the site being moderated: it asks the server at hostConnected, opens the connection once a
 * site is chosen, closes it at sign-out, at a site switch and at hostDisconnected, and goes
 * back to sign-in when the server says the session ended (the broadcast, or a handshake
 * refused as UNAUTHENTICATED).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WireError } from '../../protocol/errors.ts';
import type { ModeratorSessionView } from '../../protocol/moderation.ts';
import type { KeyValueStore } from '../storage.ts';
import type { ConnectionStatus, ModerationClient, ModerationConnection } from './moderation-client.ts';

export type SessionPhase = 'checking' | 'signed-out' | 'signed-in';

const SITE_KEY = 'rembuk:moderate:site';

export class SessionController implements ReactiveController {
  phase: SessionPhase = 'checking';
  session: ModeratorSessionView | null = null;
  site: string | null = null;
  connection: ModerationConnection | null = null;
  status: ConnectionStatus = { state: 'connecting' };
  signingIn = false;
  /** Why the last sign-in failed; the sign-in screen words it. */
  signInError: WireError | null = null;

  readonly #host: ReactiveControllerHost;
  readonly #client: ModerationClient;
  readonly #storage: KeyValueStore;
  #unsubscribe: (() => void)[] = [];

  constructor(host: ReactiveControllerHost, client: ModerationClient, storage: KeyValueStore) {
    this.#host = host;
    this.#client = client;
    this.#storage = storage;
    host.addController(this);
  }

  hostConnected(): void {
    void this.check();
  }

  hostDisconnected(): void {
    this.#close();
  }

  /** Asks the server who is signed in (the cookie is the browser's, not ours to read). */
  async check(): Promise<void> {
    const result = await this.#client.getSession();
    if (result.ok) this.#signedIn(result.data);
    else this.#signedOut(null);
  }

  async signIn(email: string, password: string): Promise<void> {
    if (this.signingIn) return;
    this.signingIn = true;
    this.signInError = null;
    this.#host.requestUpdate();
    const result = await this.#client.signIn(email, password);
    this.signingIn = false;
    if (result.ok) this.#signedIn(result.data);
    else this.#signedOut(result.error);
  }

  async signOut(): Promise<void> {
    this.#close();
    await this.#client.signOut();
    this.#signedOut(null);
  }

  /** Moderating another site is another connection (the handshake binds one site). */
  chooseSite(site: string): void {
    if (!this.session?.sites.some((s) => s.id === site) || site === this.site) return;
    this.#storage.set(SITE_KEY, site);
    this.#open(site);
  }

  #signedIn(session: ModeratorSessionView): void {
    this.session = session;
    this.phase = 'signed-in';
    this.signInError = null;
    const remembered = this.#storage.get(SITE_KEY);
    const site = session.sites.find((s) => s.id === remembered)?.id ?? session.sites[0]?.id ?? null;
    if (site !== null) this.#open(site);
    this.#host.requestUpdate();
  }

  #signedOut(error: WireError | null): void {
    this.#close();
    this.session = null;
    this.site = null;
    this.phase = 'signed-out';
    this.signInError = error;
    this.#host.requestUpdate();
  }

  #open(site: string): void {
    this.#close();
    const connection = this.#client.connect(site);
    this.site = site;
    this.connection = connection;
    this.status = connection.status;
    this.#unsubscribe = [
      connection.onStatus((status) => {
        if (status.state === 'refused' && status.error.code === 'UNAUTHENTICATED') return this.#signedOut(null);
        this.status = status;
        this.#host.requestUpdate();
      }),
      connection.on('session:ended', () => this.#signedOut(null)),
    ];
    this.#host.requestUpdate();
  }

  #close(): void {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
    this.connection?.close();
    this.connection = null;
    this.status = { state: 'connecting' };
  }
}

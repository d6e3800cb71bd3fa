import { CONTROLS_TOKEN_ENV, controlsTokenFile, type FaultRequest, forwardedFrom, readControlsToken } from '@loginspec/login-kit/controls';

/** What `GET /_controls` answers. */
export interface ControlsState {
  clock: { now: number; frozen: boolean };
  apis: Record<string, { stores: string[] }>;
}

/** Why a case that needs the test controls is skipped against a server that has none. */
export const NO_CONTROLS = 'only a reference server with test controls offers it';

/** What `RemoteControls.find` found: the controls, or why there are none to use (what a case that needs them says when skipped). */
export type ControlsLookup = { controls: RemoteControls; missing?: undefined } | { controls?: undefined; missing: string };

/**
 * The test controls of a reference server (`pnpm start`), over HTTP,
 * unlocked by their token. Absent on any other server, and locked without
 * the token: `find` says so, and the cases that need the controls are
 * skipped, saying why.
 */
export class RemoteControls {
  private constructor(
    readonly origin: string,
    /** The token every control is sent with, and the client addresses a test speaks for. */
    readonly token: string | undefined,
    readonly state: ControlsState,
  ) {}

  /**
   * The controls at `origin`, unlocked by `token`, else by the one the
   * gateway serving `origin` wrote to its file on this machine (only for
   * that very origin, so that the token goes to no other server).
   */
  static async find(origin: string, token?: string): Promise<ControlsLookup> {
    const key = token ?? readControlsToken(origin);
    let res: Response;
    try {
      res = await fetch(`${origin}/_controls`, { headers: authorization(key), signal: AbortSignal.timeout(5_000) });
    } catch {
      return { missing: NO_CONTROLS };
    }
    if (res.status === 401) {
      const how = `give --controls-token or ${CONTROLS_TOKEN_ENV} (pnpm start writes it to ${controlsTokenFile(origin)}, read for the very origin it prints)`;
      return { missing: `the test controls at ${origin}/_controls ${key === undefined ? 'need their token' : 'refused the token given'}: ${how}` };
    }
    if (!res.ok || !res.headers.get('content-type')?.startsWith('application/json')) return { missing: NO_CONTROLS };
    const state = (await res.json().catch(() => undefined)) as ControlsState | undefined;
    return typeof state?.clock?.now === 'number' && typeof state.apis === 'object' ? { controls: new RemoteControls(origin, key, state) } : { missing: NO_CONTROLS };
  }

  serves(api: string): boolean {
    return api in this.state.apis;
  }

  /** The headers of a request that speaks for the client at `address`: the gateway believes X-Forwarded-For only with the token. */
  from(address: string): Record<string, string> {
    return forwardedFrom(address, this.token);
  }

  async reset(api: string): Promise<void> {
    await this.#post(`/apis/${api}/reset`);
  }

  async clock(action: 'freeze' | 'thaw' | 'advance' | 'reset', ms?: number): Promise<number> {
    return ((await (await this.#post('/clock', { action, ...(ms === undefined ? {} : { ms }) })).json()) as { now: number }).now;
  }

  /**
   * Leaves the server as a run found it, as far as the controls reach: the
   * clock back on the system's time, running, and each of `apis` emptied
   * (what a run leaves in them, its sessions and attempt counts, would meet
   * the next user; what was there before, its first case emptied).
   */
  async restore(apis: readonly string[]): Promise<void> {
    await this.clock('reset');
    for (const api of apis) await this.reset(api);
  }

  async inject(api: string, fault: FaultRequest): Promise<void> {
    await this.#post(`/apis/${api}/faults`, fault);
  }

  async inbox(api: string, to: string): Promise<string[]> {
    const res = await fetch(`${this.origin}/_controls/apis/${api}/inbox?to=${encodeURIComponent(to)}`, { headers: authorization(this.token) });
    if (!res.ok) throw new Error(`the test controls refused to read the inbox: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { messages: string[] }).messages;
  }

  async #post(path: string, body?: unknown): Promise<Response> {
    const res = await fetch(`${this.origin}/_controls${path}`, {
      method: 'POST',
      headers: { ...authorization(this.token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`the test controls refused ${path}: ${res.status} ${await res.text()}`);
    return res;
  }
}

const authorization = (token: string | undefined): Record<string, string> => (token === undefined ? {} : { authorization: `Bearer ${token}` });

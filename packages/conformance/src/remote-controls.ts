import type { FaultRequest } from '@loginspec/login-kit/controls';

/** What `GET /_controls` answers. */
export interface ControlsState {
  clock: { now: number; frozen: boolean };
  apis: Record<string, { stores: string[] }>;
}

/**
 * The test controls of a reference server (`pnpm start` on loopback), over
 * HTTP. Absent on any other server: `find` answers undefined there, and the
 * cases that need the controls are skipped, saying so.
 */
export class RemoteControls {
  private constructor(
    readonly origin: string,
    readonly state: ControlsState,
  ) {}

  /** The controls at `origin`, if it serves them. */
  static async find(origin: string): Promise<RemoteControls | undefined> {
    try {
      const res = await fetch(`${origin}/_controls`, { signal: AbortSignal.timeout(5_000) });
      if (!res.ok || !res.headers.get('content-type')?.startsWith('application/json')) return undefined;
      const state = (await res.json()) as ControlsState;
      return typeof state.clock?.now === 'number' && typeof state.apis === 'object' ? new RemoteControls(origin, state) : undefined;
    } catch {
      return undefined;
    }
  }

  serves(api: string): boolean {
    return api in this.state.apis;
  }

  async reset(api: string): Promise<void> {
    await this.#post(`/apis/${api}/reset`);
  }

  async clock(action: 'freeze' | 'thaw' | 'advance', ms?: number): Promise<number> {
    return ((await (await this.#post('/clock', { action, ...(ms === undefined ? {} : { ms }) })).json()) as { now: number }).now;
  }

  async inject(api: string, fault: FaultRequest): Promise<void> {
    await this.#post(`/apis/${api}/faults`, fault);
  }

  async inbox(api: string, to: string): Promise<string[]> {
    const res = await fetch(`${this.origin}/_controls/apis/${api}/inbox?to=${encodeURIComponent(to)}`);
    if (!res.ok) throw new Error(`the test controls refused to read the inbox: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { messages: string[] }).messages;
  }

  async #post(path: string, body?: unknown): Promise<Response> {
    const res = await fetch(`${this.origin}/_controls${path}`, {
      method: 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    if (!res.ok) throw new Error(`the test controls refused ${path}: ${res.status} ${await res.text()}`);
    return res;
  }
}

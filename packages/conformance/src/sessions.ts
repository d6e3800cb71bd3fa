import type { AnyDescription } from '@loginspec/openapi-runtime';
import { SESSION_CREDENTIALS } from './negative/demo-credentials.js';
import { credentialSchemes, type GeneratedRequest, withCredential } from './negative/requests.js';

type Fetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

const LOGOUT = 'logout';

/** The path parameters of `path` by the operation template `template` (`/api/v1/{tenant}/me/login`), or undefined when it is not one of its paths. */
function pathParameters(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template
    .split(/\{([^}]+)\}/)
    .map((piece, i) => (i % 2 === 1 ? (names.push(piece), '([^/]+)') : piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const match = new RegExp(`^${pattern}$`).exec(path);
  return match ? Object.fromEntries(names.map((name, i) => [name, match[i + 1] as string])) : undefined;
}

/**
 * The sessions a scenario opens, closed once it has run (`--safe`), so that
 * a real server keeps none: every credential of the logout operation's
 * security that a successful answer carries is logged out, under the path
 * parameters of the request that opened it (xelion's tenant). An API with
 * no logout operation keeps its sessions until they expire.
 */
export class OpenSessions {
  /** The logout request of each session, by its credentials. */
  readonly #logouts = new Map<string, GeneratedRequest>();

  private constructor(
    private readonly description: AnyDescription,
    private readonly baseUrl: string,
    private readonly picks: readonly (readonly [scheme: string, pick: (body: unknown) => unknown])[],
  ) {}

  /** Undefined for an API without a logout operation, or whose answers' credentials this package cannot find. */
  static of(api: string, description: AnyDescription, baseUrl: string): OpenSessions | undefined {
    if (!description.operations.some((op) => op.operationId === LOGOUT)) return undefined;
    const picks = credentialSchemes(description, LOGOUT).map((scheme) => [scheme, SESSION_CREDENTIALS[api]?.[scheme]] as const);
    if (picks.length === 0 || !picks.every((pick): pick is readonly [string, (body: unknown) => unknown] => pick[1] !== undefined)) return undefined;
    return new OpenSessions(description, baseUrl, picks);
  }

  /** `fetch`, noting the sessions its successful answers open. */
  watch(fetch: Fetch): Fetch {
    return async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      if (response.ok) this.#note(request.url, await response.clone().text());
      return response;
    };
  }

  /** Logs out every session noted, whatever each answers (a session the scenario ended itself is refused). */
  async close(): Promise<void> {
    for (const logout of this.#logouts.values()) {
      await fetch(`${this.baseUrl}${logout.path}`, { method: logout.method, headers: logout.headers, signal: AbortSignal.timeout(5_000) }).then(
        (res) => res.body?.cancel(),
        () => undefined,
      );
    }
    this.#logouts.clear();
  }

  #note(url: string, text: string): void {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return;
    }
    const credentials = this.picks.map(([scheme, pick]) => [scheme, pick(body)] as const);
    if (!credentials.every((c): c is readonly [string, string] => typeof c[1] === 'string')) return;
    const path = new URL(url).pathname.slice(new URL(this.baseUrl).pathname.replace(/\/$/, '').length);
    const params = this.description.operations.map((op) => pathParameters(op.path, path)).find((found) => found !== undefined);
    if (!params) return;
    const logout = this.description.operation(LOGOUT);
    const base: GeneratedRequest = {
      operationId: LOGOUT,
      kind: 'valid',
      label: 'closes a session a scenario opened',
      method: logout.method.toUpperCase(),
      path: logout.path.replace(/\{([^}]+)\}/g, (_, name: string) => params[name] ?? ''),
      headers: {},
      body: undefined,
      refuse: false,
    };
    this.#logouts.set(credentials.map(([, credential]) => credential).join(' '), credentials.reduce((request, [scheme, credential]) => withCredential(this.description, request, scheme, credential), base));
  }
}

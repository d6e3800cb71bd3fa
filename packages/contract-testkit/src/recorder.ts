import { type ErrorFields, errorFieldsOf, memberAt, parseMediaType } from '@loginspec/codec';
import type { AnyDescription, OperationPlan } from '@loginspec/openapi-runtime';
import { type RawRequest, sendRaw } from './raw-request.js';

/** A response the description does not allow. */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
}

export interface RecorderOptions {
  /** Path prefix under which the API is served (e.g. `/enos` behind the gateway). */
  basePath?: string;
  /**
   * For a vendor's own server: members a schema does not list are noted in
   * `warnings` instead of failing the response (a vendor may answer more
   * than its page documents). Everything else is still checked.
   */
  tolerateExtraMembers?: boolean;
  /** What sends the requests (the platform's `fetch` by default): a logger, a proxy. */
  fetch?: (request: Request) => Promise<Response>;
}

interface Route {
  plan: OperationPlan;
  method: string;
  pattern: RegExp;
  /** `status code` of every error the server answers, by the description's examples. */
  answeredCodes: string[];
}

/**
 * Checks every response that passes through its `fetch` against the
 * description: the operation must document the status and the media type,
 * and the body must read and validate as the operation's plan says (the
 * same reading the servers use). It also records which documented
 * (operation, status) pairs, and which error codes under them, were seen,
 * so that a suite can prove it exercised all of them.
 *
 * @example
 * const recorder = new ContractRecorder(enos);
 * const client = createEnosClient({ baseUrl, fetch: recorder.fetch });
 * …
 * expect(recorder.missing()).toEqual([]);
 */
export class ContractRecorder {
  readonly #basePath: string;
  readonly #routes: Route[];
  readonly #errorFields: ErrorFields;
  readonly #seen = new Set<string>();
  readonly #tolerateExtraMembers: boolean;
  readonly #send: (request: Request) => Promise<Response>;
  /** What a tolerant recorder let pass, once each: `login 200: the member /data/debug is not documented`. */
  readonly warnings = new Set<string>();

  constructor(description: AnyDescription, { basePath = '', tolerateExtraMembers = false, fetch = (request) => globalThis.fetch(request) }: RecorderOptions = {}) {
    this.#basePath = basePath;
    this.#send = fetch;
    this.#tolerateExtraMembers = tolerateExtraMembers;
    this.#errorFields = errorFieldsOf(description.document);
    this.#routes = description.operations.map((op) => ({
      plan: description.plan(op.operationId),
      method: op.method.toUpperCase(),
      pattern: templatePattern(op.path),
      answeredCodes: description.errors(op.operationId).answered.map(({ status, code }) => `${status} ${code}`),
    }));
  }

  /** Pass to openapi-fetch (`createClient({ fetch: recorder.fetch })`) or call directly. */
  readonly fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const response = await this.#send(request);
    await this.check(request.method, new URL(request.url).pathname, response.clone());
    return response;
  };

  /** Sends a request `fetch` will not (a GET with a body), over node:http, and checks its answer as `fetch` does. */
  readonly send = async (request: RawRequest): Promise<Response> => {
    const response = await sendRaw(request);
    await this.check(request.method, new URL(request.url).pathname, response.clone());
    return response;
  };

  /** Every documented (operation, status) pair, as `operationId status`. */
  documented(): string[] {
    return this.#routes.flatMap(({ plan }) => plan.responseKeys.map((status) => `${plan.operationId} ${status}`));
  }

  /** The documented pairs no response has shown yet. */
  missing(): string[] {
    return this.documented().filter((pair) => !this.#seen.has(pair));
  }

  /** Every error code a server answers under each documented status, as `operationId status code`. */
  documentedCodes(): string[] {
    return this.#routes.flatMap(({ plan, answeredCodes }) => answeredCodes.map((statusCode) => `${plan.operationId} ${statusCode}`));
  }

  /** The documented error codes no response has shown yet. */
  missingCodes(): string[] {
    return this.documentedCodes().filter((code) => !this.#seen.has(code));
  }

  async check(method: string, pathname: string, response: Response): Promise<void> {
    const path = pathname.startsWith(this.#basePath) ? pathname.slice(this.#basePath.length) : pathname;
    const route = this.#routes.find((r) => r.method === method.toUpperCase() && r.pattern.test(path));
    if (!route) throw new ContractViolation(`${method} ${pathname} is not an operation of the description`);
    const { plan } = route;
    const where = `${plan.operationId} (${method} ${pathname}) answered ${response.status}`;
    const documented = plan.response(response.status);
    const text = await response.text();
    if (!documented) throw new ContractViolation(`${where}, which the description does not document: ${text}`);
    if (documented.bodies.size === 0) {
      if (text !== '') throw new ContractViolation(`${where} with a body, but the description documents none`);
    } else {
      const mediaType = parseMediaType(response.headers.get('content-type'))?.essence;
      const body = mediaType === undefined ? undefined : documented.bodies.get(mediaType);
      if (!body) throw new ContractViolation(`${where} as ${mediaType ?? 'no content type'}; documented: ${documented.mediaTypes.join(', ')}`);
      const reading = body.read(text);
      if (!reading.ok && 'malformed' in reading) throw new ContractViolation(`${where} with a body that is not ${body.mediaType}: ${reading.malformed}`);
      let value: unknown;
      if (reading.ok) value = reading.value;
      else if (this.#tolerateExtraMembers && reading.issues.every((i) => i.keyword === 'additionalProperties')) {
        for (const issue of reading.issues) this.warnings.add(`${plan.operationId} ${response.status}: the member ${issue.path} is not documented`);
        value = body.codec.decode(text);
      } else throw new ContractViolation(`${where} with a body that does not match its schema: ${reading.issues.map((i) => i.message).join('; ')}\n${text}`);
      const code = response.status >= 400 ? memberAt(value, this.#errorFields.code) : undefined;
      if (code !== undefined) this.#seen.add(`${plan.operationId} ${response.status} ${String(code)}`);
    }
    this.#seen.add(`${plan.operationId} ${documented.key}`);
  }
}

function templatePattern(template: string): RegExp {
  const escaped = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[^/]+')}$`);
}

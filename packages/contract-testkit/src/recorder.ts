import { bodyFormat, type Contract, decodeBody, listOperations, type OperationRef, parseMediaType } from '@loginspec/openapi-runtime';

/** A response the description does not allow. */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
}

export interface RecorderOptions {
  /** Path prefix under which the API is served (e.g. `/enos` behind the gateway). */
  basePath?: string;
}

interface Route {
  op: OperationRef;
  pattern: RegExp;
}

/**
 * Checks every response that passes through its `fetch` against the
 * description: the operation must document the status, the media type, and
 * the body must validate against the schema. It also records which
 * documented (operation, status) pairs were seen, so that a suite can prove
 * it exercised all of them.
 */
export class ContractRecorder {
  readonly #contract: Contract;
  readonly #basePath: string;
  readonly #routes: Route[];
  readonly #seen = new Set<string>();

  constructor(contract: Contract, { basePath = '' }: RecorderOptions = {}) {
    this.#contract = contract;
    this.#basePath = basePath;
    this.#routes = listOperations(contract.doc).map((op) => ({ op, pattern: templatePattern(op.path) }));
  }

  /** Pass to openapi-fetch (`createClient({ fetch: recorder.fetch })`) or call directly. */
  readonly fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const response = await globalThis.fetch(request);
    await this.check(request.method, new URL(request.url).pathname, response.clone());
    return response;
  };

  /** Every documented (operation, status) pair, as `operationId status`. */
  documented(): string[] {
    return this.#routes.flatMap(({ op }) => Object.keys(op.operation.responses ?? {}).map((status) => `${op.operationId} ${status}`));
  }

  /** The documented pairs no response has shown yet. */
  missing(): string[] {
    return this.documented().filter((pair) => !this.#seen.has(pair));
  }

  async check(method: string, pathname: string, response: Response): Promise<void> {
    const path = pathname.startsWith(this.#basePath) ? pathname.slice(this.#basePath.length) : pathname;
    const route = this.#routes.find((r) => r.op.method === method.toLowerCase() && r.pattern.test(path));
    if (!route) throw new ContractViolation(`${method} ${pathname} is not an operation of the description`);
    const { op } = route;
    const status = String(response.status);
    const where = `${op.operationId} (${method} ${pathname}) answered ${status}`;
    if (!op.operation.responses?.[status]) {
      throw new ContractViolation(`${where}, which the description does not document: ${await response.text()}`);
    }
    const bodies = this.#contract.responseBodies(op, status);
    const text = await response.text();
    if (bodies.length === 0) {
      if (text !== '') throw new ContractViolation(`${where} with a body, but the description documents none`);
    } else {
      const mediaType = parseMediaType(response.headers.get('content-type'));
      const body = bodies.find((b) => b.mediaType === mediaType?.essence);
      if (!body) {
        const documented = bodies.map((b) => b.mediaType).join(', ');
        throw new ContractViolation(`${where} as ${mediaType?.essence ?? 'no content type'}; documented: ${documented}`);
      }
      const format = bodyFormat(body.mediaType) ?? 'json';
      let value: unknown;
      try {
        value = decodeBody(format, text, body.media.schema ?? true, this.#contract.doc);
      } catch (err) {
        throw new ContractViolation(`${where} with a body that is not ${body.mediaType}: ${(err as Error).message}`);
      }
      const result = this.#contract.validator.validate(body.pointer, value, format !== 'json');
      if (!result.valid) {
        const issues = result.issues.map((issue) => issue.message).join('; ');
        throw new ContractViolation(`${where} with a body that does not match its schema: ${issues}\n${text}`);
      }
    }
    this.#seen.add(`${op.operationId} ${status}`);
  }
}

function templatePattern(template: string): RegExp {
  const escaped = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[^/]+')}$`);
}

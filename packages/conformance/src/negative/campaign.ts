/**
 * A negative-testing campaign against a server that claims to implement a
 * description: requests drawn by `requests.ts`, sent one by one with
 * fast-check, each answer checked against what the description documents.
 *
 * @module
 */
import { parseMediaType } from '@loginspec/codec';
import { ContractRecorder, ContractViolation } from '@loginspec/contract-testkit';
import { forwardedFrom } from '@loginspec/login-kit/controls';
import type { AnyDescription } from '@loginspec/openapi-runtime';
import fc from 'fast-check';
import { maskBody } from '../mask.js';
import { apiRequestArbitrary, credentialSchemes, type GeneratedRequest, type MutationKind, printable, type RequestOptions, summarize, withCredential } from './requests.js';

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface CampaignOptions {
  description: AnyDescription;
  /** The API's name, for reports; the description's title by default. */
  api?: string;
  /** The API's base URL, no trailing slash: `http://127.0.0.1:4010/enos`. */
  baseUrl: string;
  fetch?: Fetch;
  /** How many requests to send (spread over the operations). */
  cases: number;
  seed: number;
  /** Only these operations; every one by default. */
  operations?: readonly string[];
  /** Replays one case of a report (`failure.path`) instead of the campaign: `cases` is then ignored. */
  path?: string;
  /**
   * Sends only what a real server keeps nothing of (`--safe`): no body is
   * drawn from the description's examples, which hold the demo
   * credentials, and an operation that documents a 429 (it counts its
   * requests: an attempt or rate limit) is sent only the cases the
   * description forbids, which a server refuses before counting them; the
   * others are drawn but withheld. A replay of a safe run's case needs
   * `safe` too: without the examples, a seed draws other bodies.
   */
  safe?: boolean;
  /**
   * What judges each answer, and records the coverage: the caller's (a
   * tolerant one for a vendor's server, whose warnings the caller reports);
   * a strict one of the campaign's own by default.
   */
  recorder?: ContractRecorder;
  /** Per request, answer included (5 s by default). */
  timeoutMs?: number;
  /** Stops sending once the campaign has taken this long (unbounded by default; `cases` bounds it). */
  maxDurationMs?: number;
  /** Stops sending once aborted (the conformance run is interrupted): the cases left are neither sent nor counted. */
  signal?: AbortSignal;
  /**
   * Client addresses to speak from (`X-Forwarded-For`, which the server
   * must trust from the tester), so that per-address attempt limits do not
   * answer every case 429. Two hundred documentation addresses by default.
   */
  addresses?: readonly string[];
  /** The token of the server's test controls, sent with X-Forwarded-For: a gateway under test controls believes the header only with it. */
  controlsToken?: string;
  /** How requests are generated (media types, body limit…). */
  generator?: RequestOptions;
  /**
   * Live credentials by security scheme (logging in with a demo account,
   * say). Half of the requests to an operation that takes credentials, but
   * for the security mutations, then carry one, so that they get past the
   * operation's security and its parameters and body are judged too. Without
   * them, every such request carries a credential no server knows.
   */
  credentials?: Readonly<Record<string, () => Promise<string>>>;
}

export interface CampaignFailure {
  operationId: string;
  kind: MutationKind;
  label: string;
  /** The request in one line, secrets masked. */
  request: string;
  /** Undefined when no answer came (a timeout, a reset connection). */
  status: number | undefined;
  contentType: string | undefined;
  /** The start of the answer's body, secrets masked. */
  body: string;
  /** What is wrong with the answer. */
  problem: string;
  seed: number;
  /** fast-check's replay path: `--seed S --path P` of `pnpm conformance`, `runCampaign({ …, seed, path })` or `fc.assert(…, { seed, path })` sends this case again. */
  path: string;
}

export interface CampaignResult {
  api: string;
  seed: number;
  /** Requests sent. */
  cases: number;
  /** Cases drawn but not sent, under `safe`: the server could have counted them. */
  withheld: number;
  durationMs: number;
  failures: CampaignFailure[];
  /** How many cases of each kind were sent. */
  kinds: Partial<Record<MutationKind, number>>;
  /** How many answers of each `operationId status` came back. */
  statuses: Record<string, number>;
}

/** Documentation addresses (RFC 5737, RFC 3849), IPv6 ones each in a /64 of its own: limits count an IPv6 client by its /64. */
export const DEFAULT_ADDRESSES: readonly string[] = [
  ...Array.from({ length: 100 }, (_, i) => `${i % 2 === 0 ? '198.51.100' : '203.0.113'}.${1 + Math.floor(i / 2)}`),
  ...Array.from({ length: 100 }, (_, i) => `2001:db8:${(i + 1).toString(16)}::${(i % 7) + 1}`),
];

const utf8 = new TextEncoder();

function bodyOf(request: GeneratedRequest): { body?: RequestInit['body']; duplex?: 'half' } {
  if (request.body === undefined) return {};
  // Bytes, always: fetch would label a string text/plain.
  const bytes = typeof request.body === 'string' ? utf8.encode(request.body) : request.body;
  if (!request.chunked) return { body: bytes };
  const CHUNK = 16 * 1024;
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.subarray(offset, offset + CHUNK));
      offset += CHUNK;
    },
  });
  return { body: stream, duplex: 'half' };
}

/** An error with its cause, as undici reports a failed fetch: `fetch failed (UND_ERR_SOCKET other side closed)`. */
function describeError(error: unknown): string {
  const cause = (error as { cause?: { message?: string; code?: string } }).cause;
  return `${(error as Error).message}${cause ? ` (${[cause.code, cause.message].filter(Boolean).join(' ')})` : ''}`;
}

interface Exchange {
  status: number | undefined;
  contentType: string | undefined;
  body: string;
  problem: string | undefined;
}

/** Sends one request and judges its answer. */
async function exchange(request: GeneratedRequest, address: string, options: { baseUrl: string; fetch: Fetch; timeoutMs: number; recorder: ContractRecorder; description: AnyDescription; controlsToken: string | undefined }): Promise<Exchange> {
  const url = `${options.baseUrl}${request.path}`;
  let response: Response;
  let text: string;
  let copy: Response;
  try {
    response = await options.fetch(url, {
      method: request.method,
      headers: { ...request.headers, ...forwardedFrom(address, options.controlsToken) },
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
      ...bodyOf(request),
    } as RequestInit);
    copy = response.clone();
    text = await response.text();
  } catch (error) {
    // A fetch that checks answers itself (a ContractRecorder's) refuses a bad one by throwing.
    if (error instanceof ContractViolation) return { status: undefined, contentType: undefined, body: '', problem: `contract: ${error.message}` };
    return { status: undefined, contentType: undefined, body: '', problem: `no answer: ${describeError(error)}` };
  }
  const { status } = response;
  const contentType = response.headers.get('content-type') ?? undefined;
  const found = (problem: string): Exchange => ({ status, contentType, body: text, problem });
  const plan = options.description.plan(request.operationId);
  const documented = plan.response(status);
  if (status >= 500 && !(status === 503 && documented)) return found(`a server error (${status})${documented ? ', though documented' : ''}`);
  const essence = parseMediaType(contentType)?.essence;
  if (essence === 'text/plain' && !documented?.bodies.has('text/plain')) return found('a plain-text answer, which the operation does not document (a framework default?)');
  try {
    await options.recorder.check(request.method, new URL(url).pathname, copy);
  } catch (error) {
    if (error instanceof ContractViolation) return found(`contract: ${error.message}`);
    throw error;
  }
  if (request.refuse && status < 400) return found(`answered ${status} to a request the description forbids`);
  return { status, contentType, body: text, problem: undefined };
}

/**
 * Sends `cases` generated requests to an API, spread over its operations,
 * and checks every answer: a status the operation documents, a body that
 * reads and validates as documented (through a `ContractRecorder`), never
 * a 5xx (but a documented 503), never a plain-text body the operation does
 * not document, and a 4xx for every request the description forbids.
 * Failures are collected rather than stopping the campaign; each carries
 * its seed and replay path.
 *
 * @example
 * const result = await runCampaign({ description: enos, baseUrl, cases: 1000, seed: 42 });
 * expect(result.failures).toEqual([]);
 */
export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const { description, baseUrl, seed, timeoutMs = 5000, addresses = DEFAULT_ADDRESSES, controlsToken } = options;
  const api = options.api ?? description.title;
  const recorder = options.recorder ?? new ContractRecorder(description, { basePath: new URL(baseUrl).pathname.replace(/\/$/, '') });
  /** The operations that count their requests, to which `safe` sends only what the description forbids. */
  const counting = new Set(description.operations.map((op) => op.operationId).filter((id) => description.plan(id).responseKeys.includes('429')));
  const fetch = options.fetch ?? globalThis.fetch;
  const arbitrary = fc.record({
    request: apiRequestArbitrary(description, { ...options.generator, ...(options.safe ? { examples: false } : {}), ...(options.operations ? { operations: options.operations } : {}) }),
    address: fc.constantFrom(...addresses),
    // Drawn whether or not credentials are given, so that a seed draws the same requests either way.
    live: fc.boolean(),
  });
  const failures: CampaignFailure[] = [];
  const kinds: CampaignResult['kinds'] = {};
  const statuses: Record<string, number> = {};
  // The run's index is its replay path: fast-check draws the same value for the same seed and index.
  let index = options.path === undefined ? 0 : Number(options.path.split(':')[0]);
  let sent = 0;
  let withheld = 0;
  /** The last few requests, for a failure that is no answer at all: a connection the server closed is met by the next request sent on it. */
  const recent: string[] = [];
  const started = performance.now();
  const property = fc.asyncProperty(arbitrary, async ({ request: drawn, address, live }) => {
    if (options.signal?.aborted) return true;
    const path = String(index++);
    if (options.safe && !drawn.refuse && counting.has(drawn.operationId)) {
      withheld++;
      return true;
    }
    sent++;
    let request = drawn;
    const schemes = live && options.credentials && !drawn.kind.startsWith('security-') ? credentialSchemes(description, drawn.operationId) : [];
    const providers = schemes.map((scheme) => [scheme, options.credentials?.[scheme]] as const);
    if (providers.length > 0 && providers.every(([, provide]) => provide)) {
      try {
        for (const [scheme, provide] of providers) request = withCredential(description, request, scheme, await (provide as () => Promise<string>)());
      } catch (error) {
        const problem = `no live credentials: ${describeError(error)}${recent.length > 0 ? `; the requests before it: ${recent.map((r) => `«${r}»`).join(', ')}` : ''}`;
        failures.push({ operationId: drawn.operationId, kind: drawn.kind, label: drawn.label, request: summarize(drawn), status: undefined, contentType: undefined, body: '', problem, seed, path });
        recent.push(`[${path}] ${drawn.label.slice(0, 120)}`);
        if (recent.length > 3) recent.shift();
        return true;
      }
    }
    kinds[request.kind] = (kinds[request.kind] ?? 0) + 1;
    const answer = await exchange(request, address, { baseUrl, fetch, timeoutMs, recorder, description, controlsToken });
    if (answer.status === undefined && answer.problem !== undefined && recent.length > 0) answer.problem += `; the requests before it: ${recent.map((r) => `«${r}»`).join(', ')}`;
    recent.push(`[${path}] ${request.label.slice(0, 120)}`);
    if (recent.length > 3) recent.shift();
    const key = `${request.operationId} ${answer.status ?? 'no answer'}`;
    statuses[key] = (statuses[key] ?? 0) + 1;
    if (answer.problem !== undefined) {
      failures.push({
        operationId: request.operationId,
        kind: request.kind,
        label: request.label,
        request: `${summarize(request)} (from ${address})`,
        status: answer.status,
        contentType: answer.contentType,
        body: printable(maskBody(answer.body), 400),
        problem: answer.problem,
        seed,
        path,
      });
    }
    // Every case is judged and kept; the campaign goes on.
    return true;
  });
  const details = await fc.check(property, {
    seed,
    numRuns: options.path === undefined ? options.cases : 1,
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.maxDurationMs === undefined ? {} : { interruptAfterTimeLimit: options.maxDurationMs, markInterruptAsFailure: false }),
    endOnFailure: true,
  });
  // Only an error of the campaign itself (a generator bug) fails the property.
  if (details.failed) {
    failures.push({
      operationId: '?',
      kind: 'valid',
      label: 'the campaign itself failed',
      request: details.counterexample?.[0] ? summarize(details.counterexample[0].request) : '',
      status: undefined,
      contentType: undefined,
      body: '',
      problem: String(details.errorInstance),
      seed,
      path: details.counterexamplePath ?? '',
    });
  }
  return { api, seed, cases: sent, withheld, durationMs: Math.round(performance.now() - started), failures, kinds, statuses };
}

/** A failure in a few lines, with how to replay it. */
export function formatFailure(failure: CampaignFailure): string {
  return [
    failure.status === undefined ? `${failure.label}: ${failure.problem}` : `${failure.label} → ${failure.status}${failure.contentType ? ` (${failure.contentType})` : ''}: ${failure.problem}`,
    `  request: ${failure.request}`,
    `  answer:  ${failure.body}`,
    `  replay:  --seed ${failure.seed} --path ${failure.path} (pnpm conformance), runCampaign({ …, seed: ${failure.seed}, path: '${failure.path}' })`,
  ].join('\n');
}

/** The whole result, for a test's failure message. */
export function formatCampaign(result: CampaignResult): string {
  const head = `${result.api}: ${result.cases} cases (seed ${result.seed}${result.withheld > 0 ? `, ${result.withheld} more withheld by safe` : ''}) in ${result.durationMs} ms, ${result.failures.length} failures`;
  return [head, ...result.failures.map(formatFailure)].join('\n');
}

import { errorFieldsOf, memberAt, type OpenApiDocument } from '@loginspec/codec';
import type { OperationResponse } from '../operation-types.js';
import type { OperationPlan } from '../plan/operation-plan.js';
import type { ProblemKind, RequestProblem } from '../problems.js';
import type { Target } from '../router/router.js';

/** A `reject` that says which problems it answers, so that the router can refuse a route that leaves one unanswered. */
export type Reject<Op> = ((problem: RequestProblem, target: Target) => OperationResponse<Op>) & { kinds: readonly ProblemKind[] };

/** A documented error answer changed for one call: a timestamp, an `info`, a list of binding errors. */
export interface AnswerOverrides {
  /** Merged into the example's body: objects member by member, anything else replaced. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Which of the statuses a code is documented under (xelion's 10000 is 401 or 403); the first documented by default. */
  status?: number;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}

function merge(base: unknown, override: unknown): unknown {
  if (typeof base !== 'object' || base === null || Array.isArray(base) || typeof override !== 'object' || override === null || Array.isArray(override)) {
    return override;
  }
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override)) merged[key] = merge(merged[key], value);
  return merged;
}

/**
 * An operation's documented error answers, by vendor code: the status of the
 * response whose examples show the code, and the body of the first such
 * example. The code is read where the error schema's `x-error-fields` says
 * (one error schema per API, the same one its clients read).
 * Servers answer errors from here, so that every status, code and message
 * is written once, in the description.
 *
 * @example
 * const errors = description.errors<ErrorCode>('login');
 * route('login', { reject: errors.rejectWith({ 'invalid-body': 31400, … }), handle: () => errors.answer(31429, { headers }) });
 */
export class ErrorAnswers<Op, Code extends string | number> {
  readonly #operationId: string;
  /** By code, every status it is documented under, each with the body of its first example. */
  readonly #answers = new Map<Code, { status: number; body: unknown }[]>();
  readonly #answered: { status: number; code: Code }[] = [];

  constructor(plan: OperationPlan, doc: OpenApiDocument) {
    this.#operationId = plan.operationId;
    const fields = errorFieldsOf(doc);
    for (const key of plan.responseKeys.filter((k) => /^[45]\d\d$/.test(k))) {
      const response = plan.response(Number(key));
      const documented = response && [...response.bodies.values()];
      if (!documented || documented.length === 0) continue;
      // JSON examples are values; XML examples are documents, read by their codec.
      const body = documented.find((b) => b.codec.format === 'json') ?? (documented[0] as (typeof documented)[number]);
      for (const example of body.examples.values()) {
        const value = typeof example.value === 'string' && body.codec.format !== 'json' ? body.codec.decode(example.value) : example.value;
        const code = memberAt(value, fields.code) as Code;
        const status = Number(key);
        if ((example as { 'x-answered'?: boolean })['x-answered'] !== false && !this.#answered.some((a) => a.status === status && a.code === code)) {
          this.#answered.push({ status, code });
        }
        const documented = this.#answers.get(code) ?? [];
        // Frozen: the same documented body is answered many times, and written once (see BodyPlan.write).
        if (!documented.some((d) => d.status === Number(key))) documented.push({ status: Number(key), body: deepFreeze(value) });
        this.#answers.set(code, documented);
      }
    }
  }

  /** The codes this operation's examples document. */
  get codes(): Code[] {
    return [...this.#answers.keys()];
  }

  /**
   * Every (status, code) a server answers, by the examples: all but those
   * marked `x-answered: false` (a vendor's code the reference server never
   * produces, documented for clients that meet it elsewhere).
   */
  get answered(): readonly { status: number; code: Code }[] {
    return this.#answered;
  }

  /** The documented answer for `code`, its body changed by `overrides`. */
  answer(code: Code, overrides: AnswerOverrides = {}): OperationResponse<Op> {
    const statuses = this.#answers.get(code);
    if (!statuses) throw new Error(`${this.#operationId}: the description shows no example of code ${String(code)}`);
    const documented = overrides.status === undefined ? statuses[0] : statuses.find((d) => d.status === overrides.status);
    if (!documented) throw new Error(`${this.#operationId}: code ${String(code)} is not documented under ${overrides.status}`);
    const body = overrides.body === undefined ? documented.body : this.#changed(documented.body, overrides.body);
    // Two literals rather than a spread, which V8 builds on a slow path.
    return (overrides.headers ? { status: documented.status, body, headers: overrides.headers } : { status: documented.status, body }) as OperationResponse<Op>;
  }

  /** By the changes, then by the documented body they change: one code may be documented under several statuses, each with its own body. */
  readonly #changedBodies = new WeakMap<object, Map<unknown, unknown>>();

  /**
   * A documented body with per-call changes. Changes given as the very same
   * object again (a caller that keeps the changes of a bad request it saw
   * before) get the same frozen body again, whose text is then written once
   * (see BodyPlan.write): a flood of one bad request is answered from memory.
   */
  #changed(documented: unknown, changes: unknown): unknown {
    if (typeof changes !== 'object' || changes === null) return merge(documented, changes);
    let byDocumented = this.#changedBodies.get(changes);
    if (!byDocumented) this.#changedBodies.set(changes, (byDocumented = new Map()));
    let body = byDocumented.get(documented);
    if (body === undefined) byDocumented.set(documented, (body = deepFreeze(merge(documented, changes))));
    return body;
  }

  /**
   * A `reject` for the router: each problem the runtime meets answered with
   * the code `codes` names for its kind (or picks from the problem, e.g. by
   * its issues), optionally changed by `details` (to list the binding
   * errors, or to say which resource was asked).
   */
  rejectWith(
    codes: Partial<Record<ProblemKind, Code | ((problem: RequestProblem) => Code)>>,
    details?: (problem: RequestProblem, target: Target) => AnswerOverrides | undefined,
  ): Reject<Op> {
    // The code a function picked for the last problem: the router gives a repeated refusal the very same (frozen) problem.
    let last: { problem: RequestProblem; code: Code } | undefined;
    const reject = (problem: RequestProblem, target: Target): OperationResponse<Op> => {
      const code = codes[problem.kind];
      if (code === undefined) throw new Error(`${this.#operationId}: no code answers a ${problem.kind} problem`);
      if (typeof code !== 'function') return this.answer(code, details?.(problem, target));
      if (last?.problem !== problem) last = { problem, code: code(problem) };
      return this.answer(last.code, details?.(problem, target));
    };
    // The router compares these with the problems the operation can meet, when the route is made.
    return Object.assign(reject, { kinds: Object.keys(codes) as ProblemKind[] });
  }
}

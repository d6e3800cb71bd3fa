import { type OpenApiDocument, resolveRef } from '@loginspec/codec';
import { OperationPlan } from '../plan/operation-plan.js';
import { SchemaValidator } from '../plan/validator.js';
import { ErrorAnswers } from './error-answers.js';
import { type ExampleObject, listOperations, type MediaTypeObject, type OperationRef, type ParameterObject } from './operations.js';

export interface RequestExample {
  operationId: string;
  /** The example's name; a request example and the response example it leads to share it. */
  name: string;
  summary: string | undefined;
  mediaType: string;
  value: unknown;
}

/**
 * One description, read once: its operations and their plans, its
 * extensions (`x-…`), its examples (the vendor's own samples are named
 * `seed`) and its documented error answers. Servers, tests and tools ask
 * it, so that no fact of the description is read twice in two ways.
 *
 * `Ops` is openapi-typescript's `operations` type of the description, `Code`
 * the type of its error codes.
 *
 * @example
 * const enos = new Description<operations, ErrorCode>(bundled);
 * const limit = enos.extension<AttemptLimit>('x-attempt-limit', 'login');
 * const { account, password } = enos.requestExample<LoginRequest>('login');
 */
export class Description<Ops = Record<string, unknown>, Code extends string | number = string | number> {
  readonly document: OpenApiDocument;
  readonly validator: SchemaValidator;
  readonly #operations: Map<string, OperationRef>;
  readonly #plans = new Map<string, OperationPlan>();
  readonly #errors = new Map<string, ErrorAnswers<never, Code>>();

  constructor(document: OpenApiDocument) {
    this.document = document;
    this.validator = new SchemaValidator(document);
    this.#operations = new Map(listOperations(document).map((op) => [op.operationId, op]));
  }

  get title(): string {
    return this.document.info.title;
  }

  get operations(): OperationRef[] {
    return [...this.#operations.values()];
  }

  operation(operationId: keyof Ops & string): OperationRef {
    const found = this.#operations.get(operationId);
    if (!found) throw new Error(`no operation "${operationId}" in ${this.title}`);
    return found;
  }

  /** The operation's plan, compiled on first use and kept: the router serves by it, the recorder reads by it. */
  plan(operationId: keyof Ops & string): OperationPlan {
    let plan = this.#plans.get(operationId);
    if (!plan) {
      plan = new OperationPlan(this.operation(operationId), this.document, this.validator);
      this.#plans.set(operationId, plan);
    }
    return plan;
  }

  /** An extension of an operation, or of the description when no operation is named; throws when absent. */
  extension<T>(name: `x-${string}`, operationId?: keyof Ops & string): T {
    const holder = operationId === undefined ? this.document : this.operation(operationId).operation;
    const value = holder[name];
    if (value === undefined) throw new Error(`${this.title} has no ${name}${operationId === undefined ? '' : ` on ${operationId}`}`);
    return value as T;
  }

  /**
   * The operation's path with each path parameter given its documented
   * `example` (or its schema's `default`): where to replay the description's
   * examples. `/api/v1/{tenant}/me/login` → `/api/v1/master/me/login`.
   */
  examplePath(operationId: keyof Ops & string): string {
    const op = this.operation(operationId);
    const declared = [...op.pathParameters.map((p) => p.value), ...(op.operation.parameters ?? [])].map((p) => resolveRef(this.document, p) as ParameterObject);
    return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const parameter = declared.findLast((p) => p.in === 'path' && p.name === name) as (ParameterObject & { example?: unknown }) | undefined;
      const value = parameter?.example ?? (typeof parameter?.schema === 'object' ? parameter.schema.default : undefined);
      if (value === undefined) throw new Error(`${this.title}: path parameter "${name}" of ${operationId} has no example to replay with`);
      const prefix = parameter?.style === 'label' ? '.' : parameter?.style === 'matrix' ? `;${name}=` : '';
      return prefix + encodeURIComponent(String(value));
    });
  }

  /** Every request example of an operation, each in its media type. */
  requestExamples(operationId: keyof Ops & string): RequestExample[] {
    const { requestBody } = this.operation(operationId).operation;
    const content = requestBody ? (resolveRef(this.document, requestBody) as { content?: Record<string, MediaTypeObject> }).content : undefined;
    return Object.entries(content ?? {}).flatMap(([mediaType, media]) =>
      Object.entries(media.examples ?? {}).map(([name, raw]) => {
        const example = resolveRef(this.document, raw) as ExampleObject;
        return { operationId, name, summary: example.summary, mediaType, value: example.value };
      }),
    );
  }

  /** The value of a request example: by default the vendor's own sample, `seed`, in the first media type that has it. */
  requestExample<T>(operationId: keyof Ops & string, name = 'seed', mediaType?: string): T {
    const found = this.requestExamples(operationId).find((e) => e.name === name && (mediaType === undefined || e.mediaType === mediaType));
    if (!found) throw new Error(`${this.title}: ${operationId} has no request example "${name}"${mediaType ? ` in ${mediaType}` : ''}`);
    return found.value as T;
  }

  /** The value of a response example of `status`: the one named `name`, else the first, in the first media type that has it. */
  responseExample<T>(operationId: keyof Ops & string, status: number, name?: string, mediaType?: string): T {
    const response = this.plan(operationId).response(status);
    for (const body of response?.bodies.values() ?? []) {
      if (mediaType !== undefined && body.mediaType !== mediaType) continue;
      const found = name === undefined ? body.examples.values().next().value : body.examples.get(name);
      if (found) return found.value as T;
    }
    throw new Error(`${this.title}: ${operationId} ${status} has no example${name === undefined ? '' : ` named "${name}"`}`);
  }

  /** The documented error answers of an operation, by the vendor's code, read once. */
  errors<K extends keyof Ops & string>(operationId: K): ErrorAnswers<Ops[K], Code> {
    let answers = this.#errors.get(operationId);
    if (!answers) {
      answers = new ErrorAnswers<never, Code>(this.plan(operationId), this.document);
      this.#errors.set(operationId, answers);
    }
    return answers as unknown as ErrorAnswers<Ops[K], Code>;
  }
}

/** A description of any API, for code that serves or checks whichever it is given (the gateway, the recorder). */
export type AnyDescription = Description<any, any>;

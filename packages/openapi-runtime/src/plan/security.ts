import { type OpenApiDocument, resolveRef } from '@loginspec/codec';
import type { OperationRef } from '../description/operations.js';
import type { RequestProblem } from '../problems.js';
import type { ParameterSource } from './parameters.js';

/**
 * Checks one scheme's credential and answers who presented it (the
 * principal), or undefined to refuse it. Servers give the router one per
 * security scheme their description declares.
 *
 * @example
 * const xelionSession: Verifier<Session> = (token, { path }) => sessions.byToken(String(path.tenant), token);
 */
export type Verifier<Principal> = (credential: string, request: { path: Record<string, unknown> }) => Principal | undefined | Promise<Principal | undefined>;

export type Verifiers<Principals> = { [Scheme in keyof Principals]: Verifier<Principals[Scheme]> };

export type SecurityReading<Principals> = { ok: true; principals: Partial<Principals> } | { ok: false; problem: Extract<RequestProblem, { kind: 'unauthenticated' }> };

interface SecuritySchemeObject {
  type: 'apiKey' | 'http' | 'oauth2' | 'openIdConnect' | 'mutualTLS';
  name?: string;
  in?: 'header' | 'query' | 'cookie';
  scheme?: string;
}

/** Where a request carries a credential, but not in the scheme's form (`Authorization: Basic …` for a bearer scheme). */
const MALFORMED = Symbol('malformed credential');

/** The reading of a request that presents no credential where none is needed. */
const ANONYMOUS = Object.freeze({ ok: true as const, principals: Object.freeze({}) });

/** Takes a scheme's credential out of a request; undefined when the request carries none. */
type CredentialReader = (source: ParameterSource) => string | undefined | typeof MALFORMED;

/** `Authorization: <scheme> <credentials>`, the scheme matched without regard to case (RFC 9110 §11.1). */
function authorization(scheme: string): CredentialReader {
  const prefix = `${scheme.toLowerCase()} `;
  return (source) => {
    const value = source.header('authorization');
    if (value === undefined) return undefined;
    if (value.length <= prefix.length || value.slice(0, prefix.length).toLowerCase() !== prefix) return MALFORMED;
    return value.slice(prefix.length).trim() || MALFORMED;
  };
}

function extractorOf(name: string, scheme: SecuritySchemeObject): CredentialReader {
  switch (scheme.type) {
    case 'apiKey': {
      const key = scheme.name ?? '';
      if (scheme.in === 'header') return (source) => source.header(key.toLowerCase());
      if (scheme.in === 'query') return (source) => source.query(key)?.[0];
      if (scheme.in === 'cookie') return (source) => source.cookie(key);
      throw new Error(`security scheme "${name}" has no valid "in"`);
    }
    case 'http':
      return authorization(scheme.scheme ?? 'bearer');
    case 'oauth2':
    case 'openIdConnect':
      return authorization('bearer');
    default:
      throw new Error(`security scheme "${name}" is of type ${scheme.type}, which this runtime cannot check`);
  }
}

interface Requirement {
  schemes: { name: string; extract: CredentialReader }[];
}

/**
 * An operation's security requirements (its own `security`, else the
 * document's), compiled once. Requirements are alternatives, the schemes of
 * one requirement all needed. A requirement whose credentials the request
 * carries is tried before the anonymous one (`{}`), so that a handler
 * learns who is calling whenever it can.
 */
export class SecurityPlan {
  readonly #requirements: Requirement[];
  /** Whether a request without credentials passes (`{}` among the requirements): then nothing is ever refused. */
  readonly anonymous: boolean;
  /** Every scheme the requirements name. */
  readonly schemes: readonly string[];
  /** One reader per scheme, to tell whether a request presents any credential. */
  readonly #extractors: readonly CredentialReader[];
  readonly #missing: Extract<RequestProblem, { kind: 'unauthenticated' }>;
  readonly #malformed: Extract<RequestProblem, { kind: 'unauthenticated' }>;
  readonly #refused: Extract<RequestProblem, { kind: 'unauthenticated' }>;

  private constructor(requirements: Requirement[], anonymous: boolean) {
    this.#requirements = requirements;
    this.anonymous = anonymous;
    const schemes = [...new Set(requirements.flatMap((r) => r.schemes.map((s) => s.name)))];
    this.schemes = schemes;
    this.#extractors = [...new Set(requirements.flatMap((r) => r.schemes.map((s) => s.extract)))];
    this.#missing = { kind: 'unauthenticated', reason: 'missing', schemes, message: `credentials for ${schemes.join(' or ')} are required` };
    this.#malformed = { kind: 'unauthenticated', reason: 'malformed', schemes, message: `the credentials are not in the form ${schemes.join(' or ')} requires` };
    this.#refused = { kind: 'unauthenticated', reason: 'refused', schemes, message: `the credentials for ${schemes.join(' or ')} were refused` };
  }

  /** Undefined when the operation needs no credential and accepts none. */
  static compile(op: OperationRef, doc: OpenApiDocument): SecurityPlan | undefined {
    const requirements = (op.operation.security ?? (doc.security as OperationRef['operation']['security']) ?? []) as Record<string, string[]>[];
    const declared = ((doc.components?.securitySchemes ?? {}) as Record<string, SecuritySchemeObject | { $ref: string }>);
    const compiled = requirements
      .filter((requirement) => Object.keys(requirement).length > 0)
      .map((requirement) => ({
        schemes: Object.keys(requirement).map((name) => {
          const raw = declared[name];
          if (!raw) throw new Error(`${op.operationId} requires security scheme "${name}", which components.securitySchemes does not declare`);
          return { name, extract: extractorOf(name, resolveRef(doc, raw) as SecuritySchemeObject) };
        }),
      }));
    if (compiled.length === 0) return undefined;
    const anonymous = requirements.length === 0 || requirements.some((requirement) => Object.keys(requirement).length === 0);
    return new SecurityPlan(compiled, anonymous);
  }

  /**
   * Checks the request's credentials with the router's `verifiers`, one per
   * scheme. An operation open to anonymous callers, asked without any
   * credential, is answered at once rather than by a promise: no verifier
   * has anything to say, and the request path saves a turn of the loop.
   */
  check<Principals>(source: ParameterSource, path: Record<string, unknown>, verifiers: Verifiers<Principals>): SecurityReading<Principals> | Promise<SecurityReading<Principals>> {
    if (this.anonymous && this.#extractors.every((extract) => extract(source) === undefined)) return ANONYMOUS;
    return this.#verify(source, path, verifiers);
  }

  async #verify<Principals>(source: ParameterSource, path: Record<string, unknown>, verifiers: Verifiers<Principals>): Promise<SecurityReading<Principals>> {
    // The most telling refusal wins: a credential refused, else one in the wrong form, else none at all.
    let presented: 'no' | 'malformed' | 'yes' = 'no';
    for (const requirement of this.#requirements) {
      const principals: Record<string, unknown> = {};
      let met = true;
      for (const { name, extract } of requirement.schemes) {
        const credential = extract(source);
        if (credential === undefined || credential === MALFORMED) {
          if (credential === MALFORMED && presented === 'no') presented = 'malformed';
          met = false;
          break;
        }
        presented = 'yes';
        const principal = await verifiers[name as keyof Principals](credential, { path });
        if (principal === undefined) {
          met = false;
          break;
        }
        principals[name] = principal;
      }
      if (met) return { ok: true, principals: principals as Partial<Principals> };
    }
    if (this.anonymous) return { ok: true, principals: {} };
    return { ok: false, problem: presented === 'yes' ? this.#refused : presented === 'malformed' ? this.#malformed : this.#missing };
  }
}

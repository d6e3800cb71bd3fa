/**
 * HTTP requests for one operation of a description, drawn by fast-check:
 * schema-valid ones (the positive cases) and, from those, one mutation at a
 * time (the negative cases). Everything a case aims at is read off the
 * operation's plan (`operation-context.ts`): its path parameters and their
 * schemas, its security schemes, its documented media types and their
 * codecs, its body schema's required members, types, lengths and XML
 * names, and the runtime's body limit. Only the alphabets the mutations
 * draw from (`payloads.ts`) are listed by hand.
 *
 * This module maps each kind of case to the module that builds it, and
 * spreads cases over an API's operations.
 *
 * @module
 */
import type { AnyDescription } from '@loginspec/openapi-runtime';
import fc from 'fast-check';
import { BODY_MUTATIONS } from './body-mutations.js';
import { BROKEN_BODY_MUTATIONS } from './broken-body-mutations.js';
import { type GeneratedRequest, MUTATION_KINDS, type MutationKind, type RequestOptions } from './generated-request.js';
import { MEDIA_TYPE_MUTATIONS } from './media-type-mutations.js';
import { contextOf, type OperationContext } from './operation-context.js';
import { PARAMETER_MUTATIONS } from './parameter-mutations.js';
import { baseArbitrary, type Builder, draftOf, finish, perBody } from './request-draft.js';
import { SECURITY_MUTATIONS } from './security-mutations.js';
import { SIZE_MUTATIONS } from './size-mutations.js';

export { type GeneratedRequest, MUTATION_KINDS, type MutationKind, type RequestOptions } from './generated-request.js';
export { printable, summarize } from './request-summary.js';

/** The positive case: every parameter, credential and body as the description has them. */
function valid(ctx: OperationContext): fc.Arbitrary<GeneratedRequest> | undefined {
  if (ctx.bodies.length === 0) return baseArbitrary(ctx, undefined).map((base) => finish(ctx, 'valid', 'no body', draftOf(ctx, base)));
  return perBody(
    ctx,
    () => true,
    () => fc.constant(undefined),
    (_, draft) => ({ kind: 'valid', label: 'schema-valid body', draft }),
  );
}

const BUILDERS: Record<MutationKind, Builder> = {
  valid,
  ...MEDIA_TYPE_MUTATIONS,
  ...BODY_MUTATIONS,
  ...BROKEN_BODY_MUTATIONS,
  ...SIZE_MUTATIONS,
  ...PARAMETER_MUTATIONS,
  ...SECURITY_MUTATIONS,
};

/**
 * One arbitrary per kind of case that applies to the operation, positive
 * (`valid`) included: a kind that has nothing to aim at (no path parameter,
 * no security, no required member, no XML body…) is left out.
 */
export function requestArbitraries(description: AnyDescription, operationId: string, options: RequestOptions = {}): Map<MutationKind, fc.Arbitrary<GeneratedRequest>> {
  const ctx = contextOf(description, operationId, options);
  const arbitraries = new Map<MutationKind, fc.Arbitrary<GeneratedRequest>>();
  for (const kind of options.kinds ?? MUTATION_KINDS) {
    const arbitrary = BUILDERS[kind](ctx);
    if (arbitrary) arbitraries.set(kind, arbitrary);
  }
  return arbitraries;
}

/** The kinds of case that apply to an operation. */
export function applicableKinds(description: AnyDescription, operationId: string, options: RequestOptions = {}): MutationKind[] {
  return [...requestArbitraries(description, operationId, options).keys()];
}

/** Schema-valid requests of an operation: valid path parameters, well-formed credentials, a documented media type, a body its schema accepts. */
export function positiveRequestArbitrary(description: AnyDescription, operationId: string, options: RequestOptions = {}): fc.Arbitrary<GeneratedRequest> {
  return requestArbitraries(description, operationId, { ...options, kinds: ['valid'] }).get('valid') as fc.Arbitrary<GeneratedRequest>;
}

/** Requests of one operation: positive ones, and one mutation of every kind that applies, each equally likely. */
export function requestArbitrary(description: AnyDescription, operationId: string, options: RequestOptions = {}): fc.Arbitrary<GeneratedRequest> {
  const arbitraries = requestArbitraries(description, operationId, options);
  return fc.oneof(...[...arbitraries].map(([kind, arbitrary]) => ({ weight: kind === 'valid' ? (options.positiveWeight ?? 3) : 1, arbitrary })));
}

/** Requests spread evenly over an API's operations (or those named). */
export function apiRequestArbitrary(description: AnyDescription, options: RequestOptions & { operations?: readonly string[] } = {}): fc.Arbitrary<GeneratedRequest> {
  const operations = options.operations ?? description.operations.map((op) => op.operationId);
  if (operations.length === 0) throw new Error(`${description.title} has no operation to send requests to`);
  return fc.oneof(...operations.map((operationId) => requestArbitrary(description, operationId, options)));
}

/** The security schemes whose credentials an operation's requests carry (those of its first requirement that asks for any). */
export function credentialSchemes(description: AnyDescription, operationId: string): string[] {
  return contextOf(description, operationId, {}).security?.schemes.map((s) => s.name) ?? [];
}

/**
 * The request with a live credential for `scheme` in place of the one drawn
 * (one a test obtained by logging in): the operation then gets past its
 * security, and what it does with the rest of the request is tested too.
 */
export function withCredential(description: AnyDescription, request: GeneratedRequest, scheme: string, credential: string): GeneratedRequest {
  const found = contextOf(description, request.operationId, {}).security?.schemes.find((s) => s.name === scheme);
  if (!found) throw new Error(`${request.operationId} takes no credentials for ${scheme}`);
  const headers = { ...request.headers };
  let path = request.path;
  if (found.place === 'authorization') headers.authorization = `${found.key} ${credential}`;
  else if (found.place === 'header') headers[found.key.toLowerCase()] = credential;
  else if (found.place === 'cookie') {
    const others = (headers.cookie ?? '').split('; ').filter((c) => c !== '' && !c.startsWith(`${found.key}=`));
    headers.cookie = [...others, `${found.key}=${credential}`].join('; ');
  } else {
    const [base = '', query = ''] = path.split('?');
    const others = query.split('&').filter((q) => q !== '' && !q.startsWith(`${encodeURIComponent(found.key)}=`));
    path = `${base}?${[...others, `${encodeURIComponent(found.key)}=${encodeURIComponent(credential)}`].join('&')}`;
  }
  return { ...request, headers, path, label: `${request.label} (live credentials)` };
}

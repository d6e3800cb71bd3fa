import { parseMediaType } from '@loginspec/codec';
import { aktion } from '@loginspec/aktion-server';
import { enos } from '@loginspec/enos-server';
import { eos } from '@loginspec/eos-server';
import { type AnyDescription, DEFAULT_MAX_BODY_BYTES } from '@loginspec/openapi-runtime';
import { xelion } from '@loginspec/xelion-server';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicableKinds, type GeneratedRequest, type MutationKind, positiveRequestArbitrary, requestArbitraries, requestArbitrary, type RequestOptions } from './requests.js';

const SEED = 20260101;
const utf8 = new TextEncoder();
const bytesOf = (body: GeneratedRequest['body']) => (body === undefined ? new Uint8Array() : typeof body === 'string' ? utf8.encode(body) : body);
const textOf = (body: GeneratedRequest['body']) => new TextDecoder().decode(bytesOf(body));

/** The body as the operation's plan reads it: its codec, then its schema. */
function reading(description: AnyDescription, request: GeneratedRequest) {
  const plan = description.plan(request.operationId).requestBody?.bodyFor(request.headers['content-type']);
  if (!plan) throw new Error(`${request.label}: no documented body for ${request.headers['content-type']}`);
  return plan.read(textOf(request.body));
}

const sample = (arbitrary: fc.Arbitrary<GeneratedRequest>, numRuns: number) => fc.sample(arbitrary, { seed: SEED, numRuns });

/** Every kind an operation of each body format draws, and what it must not draw. */
const FORMATS: { name: string; description: AnyDescription; operationId: string; options: RequestOptions; expected: MutationKind[] }[] = [
  {
    name: 'JSON: enos login',
    description: enos,
    operationId: 'login',
    options: {},
    expected: [
      'valid',
      'media-undocumented',
      'media-missing',
      'media-charset',
      'media-case',
      'empty-body',
      'missing-required',
      'wrong-type',
      'wrong-root',
      'null-value',
      'overlong-string',
      'unicode-edge',
      'deep-nesting',
      'prototype-keys',
      'repeated-key',
      'malformed-json',
      'invalid-utf8',
      'bom-prefix',
      'oversized',
      'oversized-chunked',
    ],
  },
  {
    name: 'form: eos login',
    description: eos,
    operationId: 'login',
    options: {},
    expected: [
      'valid',
      'media-undocumented',
      'media-missing',
      'media-charset',
      'media-case',
      'empty-body',
      'missing-required',
      'wrong-type',
      'null-value',
      'overlong-string',
      'unicode-edge',
      'prototype-keys',
      'repeated-key',
      'bad-percent-encoding',
      'invalid-utf8',
      'bom-prefix',
      'oversized',
      'oversized-chunked',
    ],
  },
  {
    name: 'XML: aktion login in application/xml',
    description: aktion,
    operationId: 'login',
    options: { mediaTypes: ['application/xml'] },
    expected: [
      'valid',
      'media-undocumented',
      'media-missing',
      'media-charset',
      'media-case',
      'empty-body',
      'missing-required',
      'wrong-type',
      'wrong-root',
      'null-value',
      'overlong-string',
      'unicode-edge',
      'deep-nesting',
      'prototype-keys',
      'repeated-key',
      'malformed-xml',
      'xml-doctype',
      'invalid-utf8',
      'bom-prefix',
      'oversized',
      'oversized-chunked',
    ],
  },
];

describe.each(FORMATS)('the requests of $name', ({ description, operationId, options, expected }) => {
  const cases = sample(requestArbitrary(description, operationId, options), 1500);
  const byKind = (kind: MutationKind) => cases.filter((c) => c.kind === kind);

  it('draws every kind of case that applies, and no other', () => {
    expect(applicableKinds(description, operationId, options).sort()).toEqual([...expected].sort());
    expect([...new Set(cases.map((c) => c.kind))].sort()).toEqual([...expected].sort());
  });

  it('sends positive requests that are schema-valid on the wire, in each documented media type it was given', () => {
    const positives = sample(positiveRequestArbitrary(description, operationId, options), 200);
    for (const request of positives) {
      const read = reading(description, request);
      expect(read.ok, `${request.label}: ${JSON.stringify(read)}\n${textOf(request.body)}`).toBe(true);
      expect(request.refuse).toBe(false);
    }
    const documented = [...(description.plan(operationId).requestBody?.bodies.keys() ?? [])].filter((t) => !options.mediaTypes || options.mediaTypes.includes(t));
    expect(new Set(positives.map((r) => r.headers['content-type']))).toEqual(new Set(documented));
    // Some carry the vendor's own samples, so that the happy path is reached too.
    const samples = description.requestExamples(operationId).flatMap((example) => {
      const body = description.plan(operationId).requestBody?.bodies.get(example.mediaType);
      if (!body || !documented.includes(example.mediaType)) return [];
      return [JSON.stringify(typeof example.value === 'string' && body.codec.format !== 'json' ? body.codec.decode(example.value) : example.value)];
    });
    expect(samples.length).toBeGreaterThan(0);
    expect(positives.some((r) => samples.includes(JSON.stringify((reading(description, r) as { value: unknown }).value)))).toBe(true);
  });

  it('drops, in turn, each member the schema requires', () => {
    const dropped = new Set(byKind('missing-required').map((c) => /^missing-required: (\S+)/.exec(c.label)?.[1]));
    const schema = description.document.components?.schemas?.LoginRequest as { required: string[] };
    expect(schema.required.length).toBeGreaterThan(0);
    for (const name of schema.required) expect(dropped).toContain(name);
    for (const request of byKind('missing-required')) {
      const read = reading(description, request);
      expect(read.ok).toBe(false);
      expect(request.refuse).toBe(true);
    }
  });

  it('sends bodies past the limit with a Content-Length and chunked, none much over 1 MiB', () => {
    for (const kind of ['oversized', 'oversized-chunked'] as const) {
      const found = byKind(kind);
      expect(found.length).toBeGreaterThan(0);
      for (const request of found) {
        const size = bytesOf(request.body).length;
        expect(size).toBeGreaterThan(DEFAULT_MAX_BODY_BYTES);
        expect(size).toBeLessThanOrEqual(1024 * 1024);
        expect(request.chunked === true).toBe(kind === 'oversized-chunked');
        expect(request.refuse).toBe(true);
      }
    }
  });

  it('names an undocumented media type, or none, and says the description forbids it', () => {
    const documented = new Set(description.plan(operationId).requestBody?.bodies.keys());
    for (const request of [...byKind('media-undocumented'), ...byKind('media-missing')]) {
      expect(documented.has(parseMediaType(request.headers['content-type'])?.essence ?? '')).toBe(false);
      expect(request.refuse).toBe(true);
    }
    const charsets = byKind('media-charset').map((r) => r.headers['content-type']);
    expect(charsets.some((t) => /charset=utf-8$/i.test(t ?? ''))).toBe(true);
    expect(charsets.some((t) => /charset=latin1/i.test(t ?? ''))).toBe(true);
  });

  it('writes bytes that are not UTF-8', () => {
    for (const request of byKind('invalid-utf8')) {
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytesOf(request.body))).toThrow();
      expect(request.refuse).toBe(true);
    }
  });

  it('nests hundreds to thousands deep, and breaks the syntax of the format', () => {
    for (const request of byKind('deep-nesting')) {
      const count = (open: string) => textOf(request.body).split(open).length - 1;
      const depth = Math.max(count('[') + count('{'), count('<a>'));
      expect(depth).toBeGreaterThanOrEqual(100);
    }
    for (const kind of ['malformed-json', 'malformed-xml', 'xml-doctype'] as const) {
      for (const request of byKind(kind)) expect(reading(description, request).ok, request.label).toBe(false);
    }
  });
});

describe('the requests of an operation with a query parameter', () => {
  // Whichever operation of the five descriptions first requires one.
  const found = [enos, eos, aktion, xelion]
    .flatMap((description) => description.operations.map((op) => ({ description, op })))
    .find(({ op }) => (op.operation.parameters ?? []).some((p) => 'in' in p && p.in === 'query' && p.required === true));

  it('leaves out each required one, and sends values its schema refuses', () => {
    expect(found, 'an operation with a required query parameter').toBeDefined();
    const { description, op } = found as NonNullable<typeof found>;
    const cases = sample(requestArbitrary(description, op.operationId), 1000);
    const missing = cases.filter((c) => c.kind === 'parameter-missing');
    expect(missing.length).toBeGreaterThan(0);
    for (const request of missing) {
      expect(request.path).not.toContain('?');
      expect(request.refuse).toBe(true);
    }
    const invalid = cases.filter((c) => c.kind === 'parameter-invalid');
    expect(invalid.some((c) => c.label.endsWith(' empty') && c.refuse)).toBe(true);
    expect(invalid.some((c) => c.label.endsWith('given twice') && (c.path.match(/=/g) ?? []).length === 2)).toBe(true);
    // fetch sends no body with GET: no case of such an operation carries one.
    if (op.method === 'get') expect(cases.every((c) => c.body === undefined)).toBe(true);
  });
});

describe('the requests of an operation with a path parameter and security (xelion)', () => {
  const logout = sample(requestArbitrary(xelion, 'logout'), 800);
  const login = sample(requestArbitrary(xelion, 'login'), 1500);

  it('mutates the path parameter: its pattern, its length, unicode, percent-escapes', () => {
    for (const kind of ['path-pattern', 'path-overlong', 'path-unicode', 'path-percent'] as const) expect(login.some((c) => c.kind === kind)).toBe(true);
    const tenant = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
    for (const request of login.filter((c) => c.kind === 'path-pattern')) {
      const segment = decodeURIComponent(request.path.split('/')[3] as string);
      expect(tenant.test(segment)).toBe(false);
      expect(request.refuse).toBe(true);
    }
    for (const request of login.filter((c) => c.kind === 'valid')) expect(request.path).toMatch(/^\/api\/v1\/[a-z0-9-]+\/me\/login$/);
  });

  it('sends no credentials, garbage, or the scheme with a junk credential; a body to an operation that takes none', () => {
    expect(applicableKinds(xelion, 'logout')).toEqual(expect.arrayContaining(['security-none', 'security-garbage', 'security-junk', 'unexpected-body', 'oversized', 'oversized-chunked']));
    for (const request of logout.filter((c) => c.kind === 'security-none')) {
      expect(request.headers.authorization).toBeUndefined();
      expect(request.refuse).toBe(true);
    }
    for (const request of logout.filter((c) => c.kind === 'security-junk')) expect(request.headers.authorization).toMatch(/^xelion /i);
    expect(logout.filter((c) => c.kind === 'security-garbage').some((c) => c.headers.authorization?.startsWith('Bearer'))).toBe(true);
    // Login takes credentials but does not require them: leaving them out is no refusal.
    expect(login.filter((c) => c.kind === 'security-none').every((c) => !c.refuse)).toBe(true);
  });

  it('reads a body schema that is a string (renew takes a bare token)', () => {
    const kinds = applicableKinds(xelion, 'renew');
    expect(kinds).toEqual(expect.arrayContaining(['overlong-string', 'unicode-edge', 'wrong-root', 'null-value']));
    expect(kinds).not.toContain('missing-required');
    const renew = sample(requestArbitraries(xelion, 'renew').get('overlong-string') as fc.Arbitrary<GeneratedRequest>, 50);
    expect(renew.some((r) => r.label.includes('maxLength 512'))).toBe(true);
  });

  it('draws the same cases from the same seed', () => {
    expect(sample(requestArbitrary(xelion, 'login'), 50).map((r) => r.label)).toEqual(login.slice(0, 50).map((r) => r.label));
  });
});

import type { OpenApiDocument } from '@loginspec/codec';
import { describe, expect, it } from 'vitest';
import bundled from '../fixtures/errors.json' with { type: 'json' };
import type { operations } from '../fixtures/errors.js';
import { Description } from './description.js';
import type { RequestProblem } from '../problems.js';

const description = new Description<operations, number>(bundled as unknown as OpenApiDocument);

describe('Description', () => {
  it('reads an extension of an operation, and says which one is missing', () => {
    expect(description.extension('x-attempt-limit', 'login')).toEqual({ perAccount: 3 });
    expect(() => description.extension('x-nothing', 'login')).toThrow('error answers fixture has no x-nothing on login');
  });

  it('reads request and response examples, the vendor sample `seed` by default', () => {
    expect(description.requestExample('login')).toEqual({ user: 'demo' });
    expect(description.requestExample('login', 'other', 'application/json')).toEqual({ user: 'other' });
    expect(description.responseExample('login', 200, 'seed')).toEqual({ token: 't' });
    expect(description.requestExamples('login').map((e) => e.name)).toEqual(['seed', 'other']);
    expect(() => description.requestExample('login', 'nope')).toThrow('login has no request example "nope"');
  });
});

describe('Description.examplePath', () => {
  it('fills each path parameter with its example, in its style', async () => {
    const { default: parameters } = await import('../fixtures/parameters.json', { with: { type: 'json' } });
    const withExamples = structuredClone(parameters) as unknown as { paths: Record<string, { parameters?: { example?: string }[]; get: { parameters: { example?: number }[] } }> };
    (withExamples.paths['/tenants/{tenant}/items/{id}']?.get.parameters[0] as { example?: string }).example = 'acme';
    (withExamples.paths['/tenants/{tenant}/items/{id}']?.get.parameters[1] as { example?: number }).example = 7;
    const doc = new Description(withExamples as unknown as OpenApiDocument);
    expect(doc.examplePath('getItem')).toBe('/tenants/acme/items/.7');
    expect(() => doc.examplePath('listItems')).toThrow('path parameter "tenant" of listItems has no example to replay with');
  });
});

describe('ErrorAnswers', () => {
  const errors = description.errors('login');

  it('answers each documented code with the status and body of its first example', () => {
    expect(errors.codes).toEqual([4001, 4002, 4003, 4010, 4130, 4150]);
    expect(errors.answer(4002)).toEqual({
      status: 400,
      body: { response: { code: 4002, timestamp: '2018-10-08T04:41:35.730Z', message: 'Field missing.' }, data: null },
    });
  });

  it('reads a code documented only in XML from its XML example', () => {
    expect(errors.answer(4010)).toEqual({ status: 401, body: { response: { code: 4010, timestamp: '2018-10-08T04:41:35.730Z', message: 'No.' } } });
  });

  it('merges per-call overrides into the body, member by member, and adds headers', () => {
    const answer = errors.answer(4001, { body: { response: { timestamp: '2026-01-01T00:00:00.000Z' } }, headers: { 'retry-after': '5' } });
    expect(answer).toEqual({
      status: 400,
      body: { response: { code: 4001, timestamp: '2026-01-01T00:00:00.000Z', message: 'Malformed body.' }, data: null },
      headers: { 'retry-after': '5' },
    });
    // The documented example is left as it was.
    expect(errors.answer(4001)).toMatchObject({ body: { response: { timestamp: '2018-10-08T04:41:35.730Z' } } });
  });

  it('answers a code documented under two statuses with the first, or the one asked for', () => {
    expect(errors.answer(4010).status).toBe(401);
    expect(errors.answer(4010, { status: 403 })).toMatchObject({ status: 403, body: { response: { message: 'No header.' } } });
    expect(() => errors.answer(4010, { status: 404 })).toThrow('login: code 4010 is not documented under 404');
  });

  it('lists the (status, code) pairs a server answers, leaving out examples marked x-answered: false', () => {
    expect(errors.answered).toEqual([
      { status: 400, code: 4001 },
      { status: 400, code: 4002 },
      { status: 401, code: 4010 },
      { status: 403, code: 4010 },
      { status: 413, code: 4130 },
      { status: 415, code: 4150 },
    ]);
  });

  it('refuses a code no example shows', () => {
    expect(() => errors.answer(9999)).toThrow('login: the description shows no example of code 9999');
  });

  it('asks a code function once for a problem given again, and again for another', () => {
    const asked: RequestProblem[] = [];
    const reject = errors.rejectWith({ 'invalid-body': (problem) => (asked.push(problem), problem.kind === 'invalid-body' && problem.issues.length > 1 ? 4002 : 4001) });
    const target = { method: 'POST', path: '/login' };
    const issue = { path: '/a', message: 'm', reason: 'r', keyword: 'required', params: {} };
    const two: RequestProblem = { kind: 'invalid-body', message: 'two', issues: [issue, issue] };
    const one: RequestProblem = { kind: 'invalid-body', message: 'one', issues: [issue] };
    const codes = [two, two, one, two].map((problem) => (reject(problem, target).body as { response: { code: number } }).response.code);
    expect(codes).toEqual([4002, 4002, 4001, 4002]);
    expect(asked).toEqual([two, one, two]);
  });

  it('maps runtime problems to codes for a router', () => {
    const reject = errors.rejectWith(
      { 'malformed-body': 4001, 'body-too-large': 4130, 'invalid-body': (problem) => (problem.kind === 'invalid-body' && problem.issues.length > 1 ? 4002 : 4001) },
      (problem, target) => ({ body: { response: { message: `${problem.message} (${target.method} ${target.path})` } } }),
    );
    const target = { method: 'POST', path: '/login' };
    expect(reject({ kind: 'body-too-large', message: 'over 1 KiB' }, target)).toMatchObject({ status: 413, body: { response: { code: 4130, message: 'over 1 KiB (POST /login)' } } });
    const issue = { path: '/a', message: 'm', reason: 'r', keyword: 'required', params: {} };
    expect(reject({ kind: 'invalid-body', message: 'two', issues: [issue, issue] }, target)).toMatchObject({ body: { response: { code: 4002 } } });
    expect(reject.kinds).toEqual(['malformed-body', 'body-too-large', 'invalid-body']);
    expect(() => reject({ kind: 'missing-body', message: '' }, target)).toThrow('login: no code answers a missing-body problem');
  });
});

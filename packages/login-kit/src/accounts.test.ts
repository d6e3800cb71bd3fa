import { Description } from '@loginspec/openapi-runtime';
import { describe, expect, it } from 'vitest';
import { type AccountFormat, AccountsError, accountsToSeed, checkAccounts, readFields, requestProblems } from './accounts.js';
import { serverKit } from './reference-server.js';

interface Demo {
  user: string;
  password: string;
  admin?: boolean;
}

const format: AccountFormat<Demo> = {
  fields: '{ "user": "…", "password": "…", "admin"?: false }',
  example: { user: 'ci', password: 'secret' },
  parse: (entry) => readFields<Demo & Record<string, unknown>>(entry, { user: 'string', password: 'string', admin: 'boolean?' }),
  key: (a) => a.user,
  demo: () => [{ user: 'alice', password: 'alices secret' }],
};

describe('readFields', () => {
  it('answers the entry when each field has its kind, else every problem, never a value', () => {
    expect(readFields({ user: 'bob', password: 'pw' }, { user: 'string', password: 'string', admin: 'boolean?' })).toEqual({ ok: true, account: { user: 'bob', password: 'pw' } });
    expect(readFields({ user: '', pasword: 'hunter2', admin: 'yes' }, { user: 'string', password: 'string', admin: 'boolean?' })).toEqual({
      ok: false,
      problems: ['"pasword" is not a field of this API\'s accounts', 'user must be a non-empty string', 'password is required (a non-empty string)', 'admin must be true or false'],
    });
    expect(readFields('bob', { user: 'string' })).toEqual({ ok: false, problems: ['must be an object'] });
  });

  it('refuses control characters, which would forge lines and colours where a name is printed', () => {
    for (const user of ['ci/bo\u001b[31mb', 'ci\nFAKE LINE', 'ci\u009b2J', 'ci\u007f']) {
      expect(readFields({ user, password: 'pw' }, { user: 'string', password: 'string' })).toEqual({ ok: false, problems: ['user must not contain control characters'] });
    }
  });
});

describe('accountsToSeed', () => {
  it('seeds the demo accounts, then the given ones; or only the given ones when the demo is dropped', () => {
    expect(accountsToSeed(format)).toEqual([{ user: 'alice', password: 'alices secret' }]);
    expect(accountsToSeed(format, { users: [{ user: 'bob', password: 'pw' }] }).map((a) => a.user)).toEqual(['alice', 'bob']);
    expect(accountsToSeed(format, { users: [{ user: 'bob', password: 'pw' }], keepDemo: false }).map((a) => a.user)).toEqual(['bob']);
  });

  it('refuses a bad entry, and one naming a holder twice, with the place of each', () => {
    const { problems } = checkAccounts(format, { users: [{ user: 'bob', password: 'pw' }, { user: 'bob', password: 'other' }, { user: 'alice', password: 'x' }, { user: 'eve' }] });
    expect(problems).toEqual([
      { index: 1, key: 'bob', problems: ['names the same holder as users[0]'] },
      { index: 2, key: 'alice', problems: ['names the same holder as a demo account (set "keepDemo": false to seed yours instead)'] },
      { index: 3, problems: ['password is required (a non-empty string)'] },
    ]);
    expect(() => accountsToSeed(format, { users: [{ user: 'eve' }] })).toThrow(AccountsError);
    expect(checkAccounts(format, { users: [{ user: 'alice', password: 'x' }], keepDemo: false }).problems).toEqual([]);
  });
});

describe('requestProblems', () => {
  const description = new Description({
    openapi: '3.1.0',
    info: { title: 'Demo', version: '1' },
    paths: {
      '/{tenant}/login': {
        parameters: [{ name: 'tenant', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z]+$' } }],
        post: {
          operationId: 'login',
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['user', 'password'], properties: { user: { type: 'string', maxLength: 8 }, password: { type: 'string', minLength: 1 } } } } } },
          responses: { '200': { description: 'ok' } },
        },
      },
    },
  });

  it("checks a seeded account's login as its request would be checked, naming fields and quoting no value", () => {
    expect(requestProblems(description, 'login', { path: { tenant: 'acme' }, body: { user: 'bob', password: 'pw' } })).toEqual([]);
    const problems = requestProblems(description, 'login', { path: { tenant: 'ACME' }, body: { user: 'a-very-long-name', password: '' } });
    expect(problems).toEqual(['tenant must match pattern "^[a-z]+$"', 'user must NOT have more than 8 characters', 'password must NOT have fewer than 1 characters']);
    expect(problems.join()).not.toContain('a-very-long-name');
  });

  it('refuses an account whose login request would be over the body limit: it could never log in', () => {
    const password = 'p'.repeat(100_000);
    const problems = requestProblems(description, 'login', { path: { tenant: 'acme' }, body: { user: 'bob', password } });
    expect(problems).toEqual(['its login request would be over 64 KiB, which the server refuses']);
  });
});

describe('serverKit', () => {
  it("lets options.attemptLimits replace the numbers of a description's x-attempt-limit", () => {
    const description = new Description({
      openapi: '3.1.0',
      info: { title: 'Demo', version: '1' },
      paths: { '/login': { post: { operationId: 'login', 'x-attempt-limit': { perAccountAndAddress: 5, perAccount: 100, perAddress: 20, windowSeconds: 900, knownAddressSeconds: 60 }, responses: {} } } },
    });
    const limits = serverKit({ attemptLimits: { perAddress: 1000, windowSeconds: undefined } }).loginLimits('demo', description, 'login');
    expect(limits.settings).toEqual({ perAccountAndAddress: 5, perAccount: 100, perAddress: 1000, windowSeconds: 900, knownAddressSeconds: 60 });
  });
});

import type { AccountFormat, ReferenceServer } from '@loginspec/login-kit';
import { Description } from '@loginspec/openapi-runtime';
import { describe, expect, it } from 'vitest';
import { banner } from './banner.js';

const description = new Description({
  openapi: '3.1.0',
  info: { title: 'Demo — Log In', version: '1' },
  paths: { '/client/hello': { post: { operationId: 'hello', responses: {} } }, '/client/login': { post: { operationId: 'login', responses: {} } } },
});
const accounts: AccountFormat<{ user: string; password: string }> = {
  fields: '{ "user", "password" }',
  example: {},
  parse: (entry) => ({ ok: true, account: entry as { user: string; password: string } }),
  key: (a) => a.user,
  demo: () => [],
};
const demo: ReferenceServer = {
  name: 'demo',
  description,
  accounts,
  demoLogins: () => [{ operationId: 'login', fields: { user: 'alice', password: 's3cret' }, note: 'a sample' }],
  create: () => Promise.reject(new Error('not started in this test')),
};

describe('banner', () => {
  it("lists each API's operations under its prefix and its demo logins, from its descriptor", () => {
    expect(banner('http://127.0.0.1:4010', [demo]).split('\n')).toEqual([
      'loginspec reference servers on http://127.0.0.1:4010',
      '',
      '  docs     http://127.0.0.1:4010/docs/',
      '  health   http://127.0.0.1:4010/healthz',
      '',
      '  demo     Demo — Log In',
      '           POST   http://127.0.0.1:4010/demo/client/hello',
      '           POST   http://127.0.0.1:4010/demo/client/login',
      '           demo (login): user=alice password=s3cret  (a sample)',
      '',
      'Ctrl-C stops.',
    ]);
  });

  it('names the accounts seeded from a file, never their passwords, and says when the demo ones are dropped', () => {
    const seeded = new Map([['demo', { keepDemo: false, users: [{ user: 'ci-bot', password: 'bots secret' }] }]]);
    const text = banner('http://127.0.0.1:4010', [demo], { accounts: seeded, accountsFile: 'ci/accounts.json', controlsTokenFile: '/run/user/1000/loginspec/test-controls-4010.json' });
    expect(text.split('\n').slice(2, 5)).toEqual([
      '  docs     http://127.0.0.1:4010/docs/',
      '  controls http://127.0.0.1:4010/_controls  (test controls: clock, inbox, reset, faults; for test runs only; off with --no-test-controls)',
      '           token in /run/user/1000/loginspec/test-controls-4010.json  (Authorization: Bearer …; pnpm conformance reads it there)',
    ]);
    expect(text).toContain('           demo accounts: none (dropped by the accounts file)\n           accounts from ci/accounts.json: ci-bot\n');
    expect(text).not.toMatch(/alice|secret/);
  });
});

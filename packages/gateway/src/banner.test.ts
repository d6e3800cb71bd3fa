import type { ReferenceServer } from '@loginspec/login-kit';
import { Description } from '@loginspec/openapi-runtime';
import { describe, expect, it } from 'vitest';
import { banner } from './banner.js';

const description = new Description({
  openapi: '3.1.0',
  info: { title: 'Demo — Log In', version: '1' },
  paths: { '/client/hello': { post: { operationId: 'hello', responses: {} } }, '/client/login': { post: { operationId: 'login', responses: {} } } },
});
const demo: ReferenceServer = {
  name: 'demo',
  description,
  demoLogins: () => [{ operationId: 'login', fields: { user: 'alice', password: 's3cret' }, note: 'a sample' }],
  create: () => Promise.reject(new Error('not started in this test')),
};

describe('banner', () => {
  it("lists each API's operations under its prefix and its demo logins, from its descriptor", () => {
    expect(banner('http://127.0.0.1:4010', [demo]).split('\n')).toEqual([
      'loginspec reference servers on http://127.0.0.1:4010',
      '',
      '  docs     http://127.0.0.1:4010/docs/',
      '',
      '  demo     Demo — Log In',
      '           POST   http://127.0.0.1:4010/demo/client/hello',
      '           POST   http://127.0.0.1:4010/demo/client/login',
      '           demo (login): user=alice password=s3cret  (a sample)',
      '',
      'Ctrl-C stops.',
    ]);
  });
});

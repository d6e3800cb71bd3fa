import { aktionDescription, createDemoAktionApp, demoUsers as aktionDemoUsers } from '@loginspec/aktion-server';
import { createDemoEnosApp, demoAccounts as enosDemoAccounts, enosDescription } from '@loginspec/enos-server';
import { createDemoEosApp, demoLogins as eosDemoLogins, eosDescription } from '@loginspec/eos-server';
import type { ScryptParams } from '@loginspec/login-kit';
import type { OpenApiDocument } from '@loginspec/openapi-runtime';
import type { Hono } from 'hono';

export interface ReferenceApi {
  /** URL prefix and short name, as in specs/<name>. */
  name: string;
  description: OpenApiDocument;
  /** Demo credentials, as the vendor's own samples give them. */
  demoLogins: string[];
  create(options: { scrypt?: ScryptParams }): Promise<Hono>;
}

/** Every reference server the gateway mounts. Adding an API adds an entry here. */
export const referenceApis: ReferenceApi[] = [
  {
    name: 'enos',
    description: enosDescription,
    demoLogins: enosDemoAccounts(enosDescription).map((a) => `account=${a.id} password=${a.secret}`),
    create: (options) => createDemoEnosApp(options),
  },
  {
    name: 'eos',
    description: eosDescription,
    demoLogins: eosDemoLogins().map((l) => `domain=${l.domain} loginName=${l.loginName} password=${l.password} (sample sessionId=${l.sessionId})`),
    create: (options) => createDemoEosApp(options),
  },
  {
    name: 'aktion',
    description: aktionDescription,
    demoLogins: aktionDemoUsers().map((u) => `UserLogin=${u.userLogin} ApiKey=${u.apiKey}`),
    create: (options) => createDemoAktionApp(options),
  },
];

import { createDemoEnosApp, demoAccounts as enosDemoAccounts, enosDescription } from '@loginspec/enos-server';
import type { ScryptParams } from '@loginspec/login-kit';
import type { Hono } from 'hono';

export interface ReferenceApi {
  /** URL prefix and short name, as in specs/<name>. */
  name: string;
  title: string;
  /** The documented login operation's path below the prefix. */
  loginPath: string;
  /** Demo credentials, as the vendor's own samples give them. */
  demoLogins: string[];
  create(options: { scrypt?: ScryptParams }): Promise<Hono>;
}

/** Every reference server the gateway mounts. Adding an API adds an entry here. */
export const referenceApis: ReferenceApi[] = [
  {
    name: 'enos',
    title: enosDescription.info.title,
    loginPath: '/app-portal-service/v2.0/login',
    demoLogins: enosDemoAccounts(enosDescription).map((a) => `account=${a.id} password=${a.secret}`),
    create: (options) => createDemoEnosApp(options),
  },
];

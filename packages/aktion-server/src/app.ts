import { randomUUID } from 'node:crypto';
import type { operations } from '@loginspec/aktion-client';
import {
  type Clock,
  CredentialDirectory,
  ExpiringStore,
  OWASP_SCRYPT,
  PasswordHasher,
  type ReferenceServerOptions,
  systemClock,
} from '@loginspec/login-kit';
import { operationRouter, type RequestProblem, type ValidationIssue } from '@loginspec/openapi-runtime';
import { Hono } from 'hono';
import { isWellFormedApiKey } from './api-keys.js';
import { toAspNetJsonDate, toXsdDateTime } from './aspnet-date.js';
import { aktionContract } from './description.js';
import { documented, documentedError } from './documented.js';

export interface AktionServerDeps {
  clock: Clock;
  /** Users by login name, holding their API keys as scrypt hashes. */
  users: CredentialDirectory<{ userLogin: string }>;
  /** Issued tokens (to the user login) until they expire: the server's record of what is valid. */
  tokens: ExpiringStore<string>;
  maxBodyBytes?: number;
}

/** ASP.NET's model-state style: `Field: The Field field is required.` */
function modelStateErrors(issues: ValidationIssue[]): string[] {
  return issues.map((issue) => {
    const field = issue.path.split('/').filter(Boolean).join('.') || 'body';
    return issue.keyword === 'required' ? `${field}: The ${field} field is required.` : `${field}: ${issue.message.replace(/^\S+ /, '')}`;
  });
}

function refusal(problem: RequestProblem) {
  switch (problem.kind) {
    case 'unsupported-media-type':
      return documentedError(415);
    case 'body-too-large':
      return documentedError(413);
    case 'malformed-body':
      return documentedError(1002, [problem.message]);
    case 'invalid-body':
      return documentedError(1002, problem.issues.length > 0 ? modelStateErrors(problem.issues) : [problem.message]);
  }
}

/** The Aktion login reference server, built from its collaborators. */
export function createAktionApp({ clock, users, tokens, maxBodyBytes }: AktionServerDeps): Hono {
  const app = new Hono();
  const route = operationRouter<operations>(app, aktionContract, { maxBodyBytes });
  const lifetimeMs = documented.tokenLifetimeSeconds * 1000;

  route('login', {
    reject: refusal,
    // Exception details stay in the server: the answer is the documented fixed 500.
    fail: () => documentedError(500),
    async handle({ body }) {
      if (!isWellFormedApiKey(body.ApiKey)) return documentedError(1004);
      const user = await users.verify(body.UserLogin, body.ApiKey);
      if (!user) return documentedError(1003);
      const token = randomUUID();
      const expiresAt = tokens.set(token, user.userLogin, lifetimeMs);
      const common = { Token: token, ExpireInSec: documented.tokenLifetimeSeconds };
      const json = { ...common, ExpireDate: toAspNetJsonDate(expiresAt) };
      const xml = { ...common, ExpireDate: toXsdDateTime(expiresAt) };
      return { status: 200, content: { 'application/json': json, 'text/json': json, 'application/xml': xml, 'text/xml': xml } };
    },
  });

  return app;
}

export interface DemoAktionOptions extends ReferenceServerOptions {
  /** Issued tokens; given by tests that check expiry. */
  tokens?: ExpiringStore<string>;
}

/** The demo user of the page's sample, John.Doo, with its API key. */
export function demoUsers(): { userLogin: string; apiKey: string }[] {
  return [{ userLogin: documented.seedRequest.UserLogin, apiKey: documented.seedRequest.ApiKey }];
}

/** The server with the page's demo user. */
export async function createDemoAktionApp({ clock = systemClock, scrypt = OWASP_SCRYPT, maxBodyBytes, tokens }: DemoAktionOptions = {}): Promise<Hono> {
  const seeds = demoUsers().map((u) => ({ id: u.userLogin, secret: u.apiKey, profile: { userLogin: u.userLogin } }));
  const users = await CredentialDirectory.create(new PasswordHasher(scrypt), seeds);
  return createAktionApp({ clock, users, tokens: tokens ?? new ExpiringStore(clock), maxBodyBytes });
}

import type { components, LoginData, operations } from '@loginspec/enos-client';
import { type Clock, CredentialDirectory, OWASP_SCRYPT, PasswordHasher, randomToken, type ReferenceServerOptions, systemClock } from '@loginspec/login-kit';
import { operationRouter, type RequestProblem } from '@loginspec/openapi-runtime';
import { Hono } from 'hono';
import { demoAccounts } from './demo-accounts.js';
import { enosContract, enosDescription } from './description.js';
import { documentedAttemptLimit, LoginThrottle } from './throttle.js';

type ErrorCode = components['schemas']['ErrorResponse']['code'];

/** What an account's login answers besides the token. */
export type AccountProfile = Pick<LoginData, 'user' | 'organizations'>;

export interface EnosServerDeps {
  accounts: CredentialDirectory<AccountProfile>;
  throttle: LoginThrottle;
  /** Largest request body accepted, in bytes (the description documents 64 KiB). */
  maxBodyBytes?: number;
}

type ErrorStatus = 400 | 413 | 415 | 429;

const login = enosContract.operation('login');

/**
 * The description's rule: an error's HTTP status is its code without the
 * leading 31. The message is the one its documented example shows.
 */
function failure(code: ErrorCode, headers?: Record<string, string>) {
  const status = (code - 31000) as ErrorStatus;
  const { message } = enosContract.responseExample(login, String(status)) as components['schemas']['ErrorResponse'];
  return { status, body: { code, message, data: null }, headers };
}

const PROBLEM_CODES: Record<RequestProblem['kind'], ErrorCode> = {
  'invalid-body': 31400,
  'malformed-body': 31400,
  'unsupported-media-type': 31415,
  'body-too-large': 31413,
};

/** The EnOS login reference server, built from its collaborators. */
export function createEnosApp({ accounts, throttle, maxBodyBytes }: EnosServerDeps): Hono {
  const app = new Hono();
  const route = operationRouter<operations>(app, enosContract, { maxBodyBytes });

  route('login', {
    reject: (problem) => failure(PROBLEM_CODES[problem.kind]),
    async handle({ body, clientAddress }) {
      const verdict = throttle.check(body.account, clientAddress);
      if (!verdict.allowed) return failure(31429, { 'retry-after': String(verdict.retryAfterSeconds) });
      const profile = await accounts.verify(body.account, body.password);
      if (!profile) {
        throttle.recordFailure(body.account, clientAddress);
        return failure(31400);
      }
      throttle.recordSuccess(body.account);
      // Shaped like the vendor's sample token: a fixed prefix and 32 random alphanumerics.
      const accessToken = `APP_PORTAL_S_${randomToken(32)}`;
      return { status: 200, body: { code: 200, message: '', data: { accessToken, ...profile } } };
    },
  });

  return app;
}

export type DemoEnosOptions = ReferenceServerOptions;

/** The server with the vendor sample's demo account and the documented attempt limit. */
export async function createDemoEnosApp({ clock = systemClock, scrypt = OWASP_SCRYPT, maxBodyBytes }: DemoEnosOptions = {}): Promise<Hono> {
  const accounts = await CredentialDirectory.create(new PasswordHasher(scrypt), demoAccounts(enosDescription));
  const throttle = new LoginThrottle(clock, documentedAttemptLimit(enosDescription));
  return createEnosApp({ accounts, throttle, maxBodyBytes });
}

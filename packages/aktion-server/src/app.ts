import { randomUUID } from 'node:crypto';
import { type Clock, type CredentialDirectory, type ExpiringStore, type LoginLimits, type ReportError, reportErrorOnStderr } from '@loginspec/login-kit';
import { operationRouter, type RequestProblem, type RoutingOptions } from '@loginspec/openapi-runtime';
import { Hono } from 'hono';
import { isWellFormedApiKey } from './api-keys.js';
import { aktion } from './description.js';
import { toAspNetJsonDate, toXsdDateTime } from './expire-date.js';
import { refusal } from './refusals.js';

export interface AktionUser {
  userLogin: string;
}

/** An issued token: whom it was issued to, and when it expires (ms on the server's clock). */
export interface IssuedToken {
  userLogin: string;
  expiresAt: number;
}

export interface AktionServerDeps {
  /** Users by login name, their API keys held as scrypt hashes. */
  users: CredentialDirectory<AktionUser>;
  /** Issued tokens, until they expire. */
  tokens: ExpiringStore<IssuedToken>;
  /** The documented attempt limit (429), counted before each key check. */
  limits: LoginLimits;
  clock: Clock;
  /** The body limit (64 KiB by default, as the description documents), the client's address for the attempt limits, the platform's reading of headers. */
  routing?: RoutingOptions;
  /** Told once of the error behind a 500, which the answer does not reveal (one JSON line on stderr by default). */
  reportError?: ReportError;
}

const errors = { login: aktion.errors('login'), checkToken: aktion.errors('checkToken') };
const lifetimeSeconds = aktion.extension<number>('x-token-lifetime-seconds', 'login');
/** RFC 6750's challenge: a bare `Bearer` for a request that sent no bearer token, `invalid_token` for one whose token was refused. */
const challenge = (problem: RequestProblem) =>
  problem.kind === 'unauthenticated' ? { headers: { 'www-authenticate': problem.reason === 'refused' ? 'Bearer error="invalid_token"' : 'Bearer' } } : undefined;
/** A token's `ExpireDate` in each format, JSON's and XML's. */
const expireDates = (expiresAt: number) => ({ json: toAspNetJsonDate(expiresAt), xml: toXsdDateTime(expiresAt) });

/** The Aktion login reference server, built from its collaborators, with this project's token check. */
export function createAktionApp({ users, tokens, limits, clock, routing, reportError = reportErrorOnStderr }: AktionServerDeps): Hono {
  const app = new Hono();
  const route = operationRouter(app, aktion, {
    ...routing,
    security: { token: (token: string) => tokens.get(token) },
    reportFailure: (error, operation) => reportError(error, { api: 'aktion', operation }),
  });

  route('login', {
    reject: refusal,
    // The answer is the documented fixed 500 in the negotiated format: no message, no stack.
    fail: () => errors.login.answer(500),
    async handle({ body, clientAddress }) {
      // A malformed key cannot belong to anyone: refused before any lookup.
      if (!isWellFormedApiKey(body.ApiKey)) return errors.login.answer(1004);
      const checked = await limits.check(body.UserLogin, clientAddress, () => users.verify(body.UserLogin, body.ApiKey));
      if (checked.outcome === 'limited') return errors.login.answer(429, { headers: { 'retry-after': String(checked.retryAfterSeconds) } });
      if (checked.outcome === 'busy') return errors.login.answer(503, { headers: { 'retry-after': String(checked.retryAfterSeconds) } });
      if (checked.outcome === 'refused') return errors.login.answer(1003);
      const token = randomUUID();
      const expiresAt = clock.now() + lifetimeSeconds * 1000;
      // No room for another live token: busy until the oldest ones expire, a token's lifetime away at most.
      if (!(await tokens.set(token, { userLogin: checked.holder.userLogin, expiresAt }, expiresAt))) {
        return errors.login.answer(503, { headers: { 'retry-after': String(lifetimeSeconds) } });
      }
      const date = expireDates(expiresAt);
      const json = { Token: token, ExpireInSec: lifetimeSeconds, ExpireDate: date.json };
      const xml = { ...json, ExpireDate: date.xml };
      return { status: 200, content: { 'application/json': json, 'text/json': json, 'application/xml': xml, 'text/xml': xml } };
    },
  });

  route('checkToken', {
    // Every way of not presenting a live token is the same 401.
    reject: errors.checkToken.rejectWith({ unauthenticated: 401, 'body-too-large': 413 }, challenge),
    fail: () => errors.checkToken.answer(500),
    async handle({ principals }) {
      const { userLogin, expiresAt } = principals.token as IssuedToken;
      // Live means at least a millisecond left: rounded up, at least a second.
      const json = { UserLogin: userLogin, ExpireInSec: Math.ceil((expiresAt - clock.now()) / 1000), ExpireDate: toAspNetJsonDate(expiresAt) };
      // The router reads only the negotiated media type's body: the XML one (its date a costly toISOString) is made only when asked for.
      const xml = () => ({ ...json, ExpireDate: toXsdDateTime(expiresAt) });
      return {
        status: 200,
        content: {
          'application/json': json,
          'text/json': json,
          get 'application/xml'() {
            return xml();
          },
          get 'text/xml'() {
            return xml();
          },
        },
      };
    },
  });

  return app;
}

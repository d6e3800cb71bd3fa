import type { AccessTokenClaims, User } from '@loginspec/edr-client';
import { type Clock, type CredentialDirectory, type LoginLimits, type ReportError, reportErrorOnStderr } from '@loginspec/login-kit';
import { operationRouter, type RoutingOptions } from '@loginspec/openapi-runtime';
import { Hono } from 'hono';
import type { AccessTokens } from './access-tokens.js';
import type { AppJwts } from './app-jwts.js';
import { edr } from './description.js';
import { envelopes } from './envelope.js';

export interface EdrServerDeps {
  /** Users by username, their passwords held as scrypt hashes. */
  users: CredentialDirectory<User>;
  /** The registered apps and the check of their JWTs. */
  apps: AppJwts;
  /** Issues access tokens, and checks them for this project's token check. */
  tokens: AccessTokens;
  /** The attempt limit (429), counted before each password check. */
  limits: LoginLimits;
  clock: Clock;
  /** The body limit (64 KiB by default, as the description documents), the client's address for the attempt limits, the platform's reading of headers. */
  routing?: RoutingOptions;
  /** Told once of the error behind a 500 (a login's or a token check's), which the answer does not reveal (one JSON line on stderr by default). */
  reportError?: ReportError;
}

const login = edr.errors('login');
const checkToken = edr.errors('checkToken');

/** The EDR mobile login reference server, built from its collaborators, with this project's token check. */
export function createEdrApp({ users, apps, tokens, limits, clock, routing, reportError = reportErrorOnStderr }: EdrServerDeps): Hono {
  const app = new Hono();
  const route = operationRouter(app, edr, {
    ...routing,
    security: { accessToken: (token: string) => tokens.verify(token) },
    reportFailure: (error, operation) => reportError(error, { api: 'edr', operation }),
  });
  // Every answer's envelope carries the server's time of the answer.
  const at = envelopes(clock);
  const retryAfter = (seconds: number) => ({ 'retry-after': String(seconds) });

  route('login', {
    reject: login.rejectWith(
      { 'missing-body': 400, 'malformed-body': 400, 'invalid-body': 400, 'unsupported-media-type': 415, 'body-too-large': 413 },
      // A 400 says what is wrong with the body; the others say what their example says.
      (problem) => ({ body: at(problem.kind.endsWith('-body') && problem.kind !== 'body-too-large' ? problem.message : undefined) }),
    ),
    // A failure of the state (a store down) or any error thrown while answering: the documented 500, its cause reported, not answered.
    fail: () => login.answer(500, { body: at() }),
    async handle({ body, clientAddress }) {
      // The app first: a caller that is not an app learns nothing about accounts.
      if ((await apps.verify(body.jwt)) === undefined) return login.answer(403, { body: at() });
      const checked = await limits.check(body.username, clientAddress, () => users.verify(body.username, body.password));
      if (checked.outcome === 'limited') return login.answer(429, { body: at(), headers: retryAfter(checked.retryAfterSeconds) });
      if (checked.outcome === 'busy') return login.answer(503, { body: at(), headers: retryAfter(checked.retryAfterSeconds) });
      if (checked.outcome === 'refused') return login.answer(401, { body: at() });
      const user = checked.holder;
      const accessToken = await tokens.issue(user._id);
      return { status: 200, body: { response: { code: 200, timestamp: at().response.timestamp }, data: { accessToken, user } } };
    },
  });

  route('checkToken', {
    reject: checkToken.rejectWith({ unauthenticated: 401, 'body-too-large': 413 }, (problem) => ({
      body: at(),
      // RFC 6750's challenge: a bare `Bearer` for a request that sent no bearer token, `invalid_token` for one whose token was refused.
      ...(problem.kind === 'unauthenticated' ? { headers: { 'www-authenticate': problem.reason === 'refused' ? 'Bearer error="invalid_token"' : 'Bearer' } } : {}),
    })),
    // The token is checked with the server's key: a failure to read it (a store down) is the documented 500, not a refused token.
    fail: () => checkToken.answer(500, { body: at() }),
    handle({ principals }) {
      return { status: 200, body: { response: { code: 200, timestamp: at().response.timestamp }, data: principals.accessToken as AccessTokenClaims } };
    },
  });

  return app;
}

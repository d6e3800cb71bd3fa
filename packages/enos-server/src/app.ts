import type { EnosErrorCode, LoginData } from '@loginspec/enos-client';
import { type CredentialDirectory, type LoginLimits, type ReportError, reportErrorOnStderr } from '@loginspec/login-kit';
import { type ErrorAnswers, operationRouter, type RequestProblem, type RoutingOptions } from '@loginspec/openapi-runtime';
import { Hono } from 'hono';
import { enos } from './description.js';
import type { Session, Sessions, SessionTokens } from './sessions.js';

/** What an account's login answers besides the token. */
export type AccountProfile = Pick<LoginData, 'user' | 'organizations'>;

export interface EnosServerDeps {
  accounts: CredentialDirectory<AccountProfile>;
  /** The documented attempt limit (31429), counted before each password check. */
  limits: LoginLimits;
  /** The sessions logins open, with their access and refresh tokens. */
  sessions: Sessions;
  /** The `Retry-After` of a login refused because the server holds as many sessions as it can. */
  sessionsFullRetryAfterSeconds: number;
  /** The body limit (64 KiB by default, as the description documents), the client's address for the attempt limits, the platform's reading of headers. */
  routing?: RoutingOptions;
  /** Told once of the error behind a 31500, which the answer does not reveal (one JSON line on stderr by default). */
  reportError?: ReportError;
}

const errors = {
  login: enos.errors('login'),
  logout: enos.errors('logout'),
  refresh: enos.errors('refreshAccessToken'),
  tokenInformation: enos.errors('getTokenInformation'),
  chooseOrganization: enos.errors('chooseOrganization'),
};
const retryAfter = (seconds: number) => ({ 'retry-after': String(seconds) });
/** RFC 6750's challenge: a bare `Bearer` for a request that sent no bearer token, `invalid_token` for one whose token was refused. */
const NO_TOKEN = { headers: { 'www-authenticate': 'Bearer' } };
const INVALID_TOKEN = { headers: { 'www-authenticate': 'Bearer error="invalid_token"' } };
const challenge = (problem: RequestProblem) => (problem.kind !== 'unauthenticated' ? undefined : problem.reason === 'refused' ? INVALID_TOKEN : NO_TOKEN);
/** Choose Organization and Refresh Access Token answer alike. */
const sessionBody = ({ user, organization, accessToken, refreshToken, refreshTokenExpire }: SessionTokens) => ({
  code: 200 as const,
  message: '',
  data: { userId: user.id, userName: user.name, currentOrgId: organization.id, currentOrgName: organization.name, accessToken, refreshToken, refreshTokenExpire },
});

/** The EnOS Application Portal reference server: Log In, and the operations that take its token. */
export function createEnosApp({ accounts, limits, sessions, sessionsFullRetryAfterSeconds, routing, reportError = reportErrorOnStderr }: EnosServerDeps): Hono {
  const app = new Hono();
  const route = operationRouter(app, enos, {
    ...routing,
    security: { accessToken: (token: string) => sessions.find(token) },
    reportFailure: (error, operation) => reportError(error, { api: 'enos', operation }),
  });
  /** A failure of the state (a store down) or any error thrown while answering: the documented 31500, its cause reported (by the router), not answered. */
  const serverError =
    <Op>(answers: ErrorAnswers<Op, EnosErrorCode>) =>
    () =>
      answers.answer(31500);

  route('login', {
    // Every body the login cannot read is a credential failure (the description's 31400).
    reject: errors.login.rejectWith({ 'missing-body': 31400, 'malformed-body': 31400, 'invalid-body': 31400, 'unsupported-media-type': 31415, 'body-too-large': 31413 }),
    fail: serverError(errors.login),
    async handle({ body, clientAddress }) {
      const checked = await limits.check(body.account, clientAddress, () => accounts.verify(body.account, body.password));
      if (checked.outcome === 'limited') return errors.login.answer(31429, { headers: retryAfter(checked.retryAfterSeconds) });
      if (checked.outcome === 'busy') return errors.login.answer(31503, { headers: retryAfter(checked.retryAfterSeconds) });
      if (checked.outcome === 'refused') return errors.login.answer(31400);
      const accessToken = await sessions.open(checked.holder);
      // No room for another session: busy, as the description's x-session-capacity says.
      if (accessToken === undefined) return errors.login.answer(31503, { headers: retryAfter(sessionsFullRetryAfterSeconds) });
      return { status: 200, body: { code: 200, message: '', data: { accessToken, ...checked.holder } } };
    },
  });

  route('logout', {
    reject: errors.logout.rejectWith({ unauthenticated: 31401, 'body-too-large': 31413 }, challenge),
    fail: serverError(errors.logout),
    async handle({ principals }) {
      await sessions.end(principals.accessToken as Session);
      return { status: 200, body: { code: 200, message: '', data: true } };
    },
  });

  route('refreshAccessToken', {
    // "Refresh Token is required": a missing or empty one is the only parameter problem there is.
    reject: errors.refresh.rejectWith({ 'invalid-parameter': 31400, 'body-too-large': 31413 }),
    fail: serverError(errors.refresh),
    async handle({ query }) {
      const tokens = await sessions.refresh(query.refreshToken);
      return tokens ? { status: 200, body: sessionBody(tokens) } : errors.refresh.answer(31401);
    },
  });

  route('getTokenInformation', {
    reject: errors.tokenInformation.rejectWith({ unauthenticated: 31401, 'body-too-large': 31413 }, challenge),
    fail: serverError(errors.tokenInformation),
    async handle({ principals }) {
      const session = principals.accessToken as Session;
      const organization = await sessions.organization(session);
      const { user } = session.record;
      return {
        status: 200,
        body: { code: 200, message: '', data: { userId: user.id, userName: user.name, ...(organization ? { currentOrgId: organization.id, currentOrgName: organization.name } : {}) } },
      };
    },
  });

  route('chooseOrganization', {
    // Every body that names no organization is the page's 31400, "orgId is required".
    reject: errors.chooseOrganization.rejectWith(
      { unauthenticated: 31401, 'unsupported-media-type': 31415, 'body-too-large': 31413, 'missing-body': 31400, 'malformed-body': 31400, 'invalid-body': 31400 },
      challenge,
    ),
    fail: serverError(errors.chooseOrganization),
    async handle({ body, principals }) {
      const session = principals.accessToken as Session;
      const organization = session.record.organizations.find((o) => o.id === body.orgId);
      if (!organization) return errors.chooseOrganization.answer(31404);
      const tokens = await sessions.choose(session, organization);
      // The session ended while the choice was made: its token no longer works.
      return tokens ? { status: 200, body: sessionBody(tokens) } : errors.chooseOrganization.answer(31401, INVALID_TOKEN);
    },
  });

  return app;
}

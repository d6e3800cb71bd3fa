import type { EosErrorCode, LoginResponse } from '@loginspec/eos-client';
import { type AttemptCounter, type CredentialDirectory, type LoginLimits, placeOf, randomToken, type ReportError, reportErrorOnStderr } from '@loginspec/login-kit';
import { type ErrorAnswers, operationRouter, type RoutingOptions } from '@loginspec/openapi-runtime';
import { Hono } from 'hono';
import { documented, eos } from './description.js';
import type { Sessions } from './sessions.js';

/** What a login answers about its user, besides the session's expiry. */
export type UserProfile = Pick<LoginResponse, 'secureCode' | 'mobilityApps' | 'profile'>;

/** User directories by domain name (case-sensitive): a login's `domain` picks one. */
export type Domains = ReadonlyMap<string, CredentialDirectory<UserProfile>>;

export interface EosServerDeps {
  domains: Domains;
  /** The directory of a login whose `domain` is absent or empty. */
  defaultDomain: string;
  /** The sessions Hello issues, on the server's clock. */
  sessions: Sessions;
  /** Hellos per client address (`x-rate-limit`). */
  hellos: AttemptCounter;
  /** The documented attempt limit of Login (3-4), counted before each password check. */
  limits: LoginLimits;
  /** The body limit (64 KiB by default, as the description documents), the client's address for the attempt limits, the platform's reading of headers. */
  routing?: RoutingOptions;
  /** Told once of the error behind a `4-2`, which the answer does not reveal (one JSON line on stderr by default). */
  reportError?: ReportError;
}

const errors = { hello: eos.errors('hello'), login: eos.errors('login') };

/** Each login hands out its own app tokens, shaped like the user's stored ones (ten alphanumerics in the page's sample). */
function withFreshTokens(apps: UserProfile['mobilityApps']): UserProfile['mobilityApps'] {
  const fresh = (list: typeof apps.system) => list.map((app) => ({ ...app, token: randomToken(app.token.length) }));
  return { system: fresh(apps.system), user: fresh(apps.user) };
}

/** The EOS client login reference server (Hello + Login), built from its collaborators. */
export function createEosApp({ domains, defaultDomain, sessions, hellos, limits, routing, reportError = reportErrorOnStderr }: EosServerDeps): Hono {
  const app = new Hono();
  const route = operationRouter(app, eos, { ...routing, reportFailure: (error, operation) => reportError(error, { api: 'eos', operation }) });
  /** A failure of the state (a store down) or any error thrown while answering: the documented `4-2`, its cause reported (by the router), not answered. */
  const serverError =
    <Op>(answers: ErrorAnswers<Op, EosErrorCode>) =>
    () =>
      answers.answer('4-2');
  const helloRate = { max: documented.helloRate.perAddress, windowMs: documented.helloRate.windowSeconds * 1000 };
  const retryAfter = (seconds: number) => ({ headers: { 'retry-after': String(seconds) } });

  route('hello', {
    // Hello declares no body, so the runtime can only refuse one too large.
    reject: errors.hello.rejectWith({ 'body-too-large': '1-2' }),
    fail: serverError(errors.hello),
    async handle({ clientAddress }) {
      // Counted by place, as the login limits count: an IPv6 client owns its whole /64.
      const rate = await hellos.reserve([{ key: placeOf(clientAddress), ...helloRate }]);
      if (!rate.granted) return errors.hello.answer('2-2', retryAfter(Math.max(1, Math.ceil(rate.retryAfterMs / 1000))));
      const session = await sessions.open();
      // No room: the soonest a Hello session can have ended is its lifetime away, at most.
      if (!session) return errors.hello.answer('2-3', retryAfter(Math.ceil(sessions.lifetimes.helloMs / 1000)));
      return { status: 200, body: session };
    },
  });

  // The checks run in the order the description's Login lists; the runtime has done 1-3, 1-2 and 1-1.
  const refuse = errors.login;
  route('login', {
    reject: refuse.rejectWith({ 'unsupported-media-type': '1-3', 'body-too-large': '1-2', 'missing-body': '1-1', 'malformed-body': '1-1', 'invalid-body': '1-1' }),
    fail: serverError(refuse),
    async handle({ body, clientAddress }) {
      if (!(await sessions.isLive(body.sessionId))) return refuse.answer('2-1');
      const domain = body.domain || defaultDomain;
      const users = domains.get(domain);
      if (!users) return refuse.answer('3-3');
      const { loginName, password } = body;
      if (!loginName || !password) return refuse.answer('3-1');
      const checked = await limits.check(`${domain}\u0000${loginName}`, clientAddress, () => users.verify(loginName, password));
      if (checked.outcome === 'limited') return refuse.answer('3-4', retryAfter(checked.retryAfterSeconds));
      if (checked.outcome === 'busy') return refuse.answer('4-1', retryAfter(checked.retryAfterSeconds));
      if (checked.outcome === 'refused') return refuse.answer('3-2');
      const expireTime = await sessions.loggedIn(body.sessionId);
      if (expireTime === undefined) return refuse.answer('2-1');
      const { secureCode, mobilityApps, profile } = checked.holder;
      return { status: 200, body: { expireTime, secureCode, mobilityApps: withFreshTokens(mobilityApps), profile } };
    },
  });

  return app;
}

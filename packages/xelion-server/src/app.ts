import { type CredentialDirectory, type LoginLimits, type ReportError, reportErrorOnStderr } from '@loginspec/login-kit';
import { type ErrorAnswers, operationRouter, type RoutingOptions, type Target } from '@loginspec/openapi-runtime';
import type { XelionErrorCode } from '@loginspec/xelion-client';
import { Hono } from 'hono';
import { documented, xelion } from './description.js';
import type { MfaCodes, PendingCode } from './mfa-codes.js';
import { credentialsCode, infoOf } from './refusals.js';
import type { Session, Sessions } from './sessions.js';

/** What a user's record says beyond the password: for 10006, 10007 and 10013. */
export interface UserRecord {
  userName: string;
  email?: string;
  mfa?: boolean;
  disabled?: boolean;
  passwordExpired?: boolean;
}

export interface XelionServerDeps {
  /** Each tenant's users, their passwords held as scrypt hashes. */
  tenants: ReadonlyMap<string, CredentialDirectory<UserRecord>>;
  /** Checks a password for a tenant that does not exist, at the cost of a real check (no enumeration by timing). */
  nobody: CredentialDirectory<UserRecord>;
  sessions: Sessions;
  mfa: MfaCodes;
  /** The attempt limit (10429) of Login and Request MFA, counted before each password check. */
  limits: LoginLimits;
  /** The body limit (64 KiB by default, as the description documents), the client's address for the attempt limits, the platform's reading of headers. */
  routing?: RoutingOptions;
  /** Told once of the error behind an 11000, which the answer does not reveal (one JSON line on stderr by default). */
  reportError?: ReportError;
}

const errors = { login: xelion.errors('login'), renew: xelion.errors('renew'), logout: xelion.errors('logout'), requestMfa: xelion.errors('requestMfa') };
const retryAfter = (seconds: number) => ({ 'retry-after': String(seconds) });
/** Login and Request MFA read the same credentials, and refuse them alike. */
const CREDENTIAL_PROBLEMS = {
  'invalid-parameter': 10004,
  'unsupported-media-type': 10415,
  'body-too-large': 10413,
  'missing-body': 10200,
  'malformed-body': 10202,
  'invalid-body': credentialsCode,
} as const;
const withInfo = (_: unknown, target: Target) => infoOf(target);

/** The Xelion reference server: login, renew, logout and Request MFA, under `/api/v1/{tenant}`. */
export function createXelionApp({ tenants, nobody, sessions, mfa, limits, routing, reportError = reportErrorOnStderr }: XelionServerDeps): Hono {
  const app = new Hono();
  const router = operationRouter(app, xelion, {
    ...routing,
    security: { xelionSession: (token: string, { path }: { path: Record<string, unknown> }) => sessions.find(String(path.tenant), token) },
    reportFailure: (error, operation) => reportError(error, { api: 'xelion', operation }),
  });
  /** An 11000 that says what was asked and nothing of what failed, which goes to `reportError` (by the router). */
  const serverError =
    <Op>(answers: ErrorAnswers<Op, XelionErrorCode>) =>
    (_error: unknown, target: Target) =>
      answers.answer(11000, infoOf(target));
  const account = (tenant: string, userName: string) => `${tenant}\u0000${userName}`;
  /**
   * A password check under the limits, in the tenant's directory (or
   * nobody's, at the same cost); `andThen` may refuse the user after all,
   * which counts as a failure too. Only a check that `completes` a login
   * ends the user's run of failures.
   */
  const check = (
    tenant: string,
    userName: string,
    password: string,
    address: string,
    { andThen, completes }: { andThen?: (user: UserRecord) => Promise<UserRecord | undefined>; completes: (user: UserRecord) => boolean },
  ) =>
    limits.check(
      account(tenant, userName),
      address,
      async () => {
        const user = await (tenants.get(tenant) ?? nobody).verify(userName, password);
        return user && andThen ? andThen(user) : user;
      },
      completes,
    );

  router('login', {
    reject: errors.login.rejectWith(CREDENTIAL_PROBLEMS, withInfo),
    fail: serverError(errors.login),
    async handle({ path, body, principals, clientAddress, target }) {
      const info = infoOf(target);
      const refuse = (code: Parameters<typeof errors.login.answer>[0], headers?: Record<string, string>) => errors.login.answer(code, { ...info, headers });
      // "If a session token is provided in the Authorization header then the matching session is ended first."
      if (principals.xelionSession) await sessions.end(principals.xelionSession);
      const owner = account(path.tenant, body.userName);
      const code: { used?: PendingCode; wrong?: boolean } = {};
      const checked = await check(path.tenant, body.userName, body.password, clientAddress, {
        async andThen(user) {
          // A wrong MFA code fails the login as a wrong password does, under the attempt limit; giving none does not.
          if (!user.mfa || user.disabled || user.passwordExpired || !body.mfa || !body.email) return user;
          code.used = await mfa.take(owner, body.mfa, body.email);
          code.wrong = code.used === undefined;
          return code.used && user;
        },
        completes: (user) => !user.disabled && !user.passwordExpired && (!user.mfa || code.used !== undefined),
      });
      if (checked.outcome === 'limited') return refuse(10429, retryAfter(checked.retryAfterSeconds));
      if (checked.outcome === 'busy') return refuse(10503, retryAfter(checked.retryAfterSeconds));
      if (checked.outcome === 'refused') return refuse(code.wrong ? 10013 : 10004);
      const user = checked.holder;
      if (user.disabled) return refuse(10006);
      if (user.passwordExpired) return refuse(10007);
      if (user.mfa && !code.used) return refuse(10013);
      const opened = await sessions.open(path.tenant, user.userName, body.userSpace);
      if (typeof opened === 'string') {
        // No session: the code was not used.
        if (code.used) await mfa.restore(owner, code.used);
        if (opened === 'user-space-taken') return refuse(10005);
        if (opened === 'too-many-for-user') return refuse(10409);
        return refuse(10503, retryAfter(documented.sessionCapacity.retryAfterSeconds));
      }
      return { status: 200, body: { ...opened, ...documented.versions, tenant: path.tenant, userName: user.userName } };
    },
  });

  router('renew', {
    reject: errors.renew.rejectWith(
      { 'invalid-parameter': 10000, unauthenticated: 10000, 'unsupported-media-type': 10415, 'body-too-large': 10413, 'missing-body': 10200, 'malformed-body': 10202, 'invalid-body': 10202 },
      withInfo,
    ),
    fail: serverError(errors.renew),
    async handle({ body, principals, target }) {
      const tokens = await sessions.renew(principals.xelionSession as Session, body);
      return tokens ? { status: 200, body: tokens } : errors.renew.answer(10000, infoOf(target));
    },
  });

  router('logout', {
    reject: errors.logout.rejectWith(
      { 'invalid-parameter': 10000, unauthenticated: 10000, 'body-too-large': 10413 },
      // No header at all is the vendor's 403; a header naming no session its 401.
      (problem, target) => (problem.kind === 'unauthenticated' && problem.reason === 'missing' ? { ...infoOf(target), status: 403 } : infoOf(target)),
    ),
    fail: serverError(errors.logout),
    async handle({ principals }) {
      await sessions.end(principals.xelionSession as Session);
      return { status: 204 };
    },
  });

  router('requestMfa', {
    reject: errors.requestMfa.rejectWith(CREDENTIAL_PROBLEMS, withInfo),
    fail: serverError(errors.requestMfa),
    async handle({ path, body, clientAddress, target }) {
      const info = infoOf(target);
      // The right password here is half a login: the failures of the code that follows must still add up.
      const checked = await check(path.tenant, body.userName, body.password, clientAddress, { completes: () => false });
      if (checked.outcome === 'limited') return errors.requestMfa.answer(10429, { ...info, headers: retryAfter(checked.retryAfterSeconds) });
      if (checked.outcome === 'busy') return errors.requestMfa.answer(10503, { ...info, headers: retryAfter(checked.retryAfterSeconds) });
      if (checked.outcome === 'refused') return errors.requestMfa.answer(10004, info);
      // Sent only to the user's own address; answered the same either way, so that no address is revealed.
      if (checked.holder.email === body.email) await mfa.send(account(path.tenant, checked.holder.userName), body.email);
      return { status: 202, body: { email: body.email, validForSeconds: documented.mfaCode.lifetimeSeconds } };
    },
  });

  return app;
}

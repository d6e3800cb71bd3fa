import type { OpenApiDocument } from '@loginspec/codec';
import bundled from '@loginspec/xelion-client/openapi.json' with { type: 'json' };
import type { LoginResponse, XelionErrorCode, operations } from '@loginspec/xelion-client';
import { Description } from '@loginspec/openapi-runtime';

/** The bundled xelion description, generated from specs/xelion by `pnpm gen`: the server's contract. */
export const xelion = new Description<operations, XelionErrorCode>(bundled as unknown as OpenApiDocument);

/** A user of a tenant, as `x-demo-tenants` lists the demo ones. */
export interface TenantUser {
  userName: string;
  password: string;
  email?: string;
  mfa?: boolean;
  disabled?: boolean;
  passwordExpired?: boolean;
}

const seed = xelion.responseExample<LoginResponse>('login', 200, 'seed');

/** What the description states and the server obeys by default. */
export const documented = {
  tokenLifetimeSeconds: xelion.extension<number>('x-token-lifetime-seconds', 'login'),
  mfaCode: xelion.extension<{ digits: number; lifetimeSeconds: number; attempts: number }>('x-mfa-code', 'requestMfa'),
  /** The most live sessions the server holds and one user holds, and the Retry-After of a login refused for want of room. */
  sessionCapacity: xelion.extension<{ sessions: number; perUser: number; retryAfterSeconds: number }>('x-session-capacity', 'login'),
  demoTenants: xelion.extension<Record<string, TenantUser[]>>('x-demo-tenants', 'login'),
  /** What the server says of itself in each login answer: the page's example's. */
  versions: { version: seed.version, serverVersion: seed.serverVersion, buildNumber: seed.buildNumber },
};

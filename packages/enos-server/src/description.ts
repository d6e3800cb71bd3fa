import bundled from '@loginspec/enos-client/openapi.json' with { type: 'json' };
import type { EnosErrorCode, operations } from '@loginspec/enos-client';
import type { OpenApiDocument } from '@loginspec/codec';
import { Description } from '@loginspec/openapi-runtime';

/** The bundled enos description, generated from specs/enos by `pnpm gen`: the server's contract. */
export const enos = new Description<operations, EnosErrorCode>(bundled as unknown as OpenApiDocument);

/** What the description states and the server obeys by default. */
export const documented = {
  /** An access token's lifetime (Log In's `x-token-lifetime-seconds`). */
  tokenLifetimeSeconds: enos.extension<number>('x-token-lifetime-seconds', 'login'),
  /** A refresh token's lifetime, from its issue (Choose Organization's `x-refresh-token-lifetime-seconds`). */
  refreshTokenLifetimeSeconds: enos.extension<number>('x-refresh-token-lifetime-seconds', 'chooseOrganization'),
  /** How many live sessions the server holds, and the `Retry-After` of a login past them. */
  sessionCapacity: enos.extension<{ sessions: number; retryAfterSeconds: number }>('x-session-capacity', 'login'),
};

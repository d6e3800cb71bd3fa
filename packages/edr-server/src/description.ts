import type { OpenApiDocument } from '@loginspec/codec';
import bundled from '@loginspec/edr-client/openapi.json' with { type: 'json' };
import type { EdrErrorCode, operations } from '@loginspec/edr-client';
import { Description } from '@loginspec/openapi-runtime';

/** The bundled edr description, generated from specs/edr by `pnpm gen`: the server's contract. */
export const edr = new Description<operations, EdrErrorCode>(bundled as unknown as OpenApiDocument);

/** An app of the registry: its id (the JWT's `iss`) and its secret. */
export interface RegisteredApp {
  iss: string;
  secret: string;
}

/** What the description states and the server obeys by default. */
export const documented = {
  tokenLifetimeSeconds: edr.extension<number>('x-token-lifetime-seconds', 'login'),
  appJwt: edr.extension<{ skewSeconds: number; maxLength: number }>('x-app-jwt', 'login'),
  demoApps: edr.extension<RegisteredApp[]>('x-demo-apps', 'login'),
};

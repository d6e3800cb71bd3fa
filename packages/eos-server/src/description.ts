import type { OpenApiDocument } from '@loginspec/codec';
import bundled from '@loginspec/eos-client/openapi.json' with { type: 'json' };
import type { EosErrorCode, operations } from '@loginspec/eos-client';
import { Description } from '@loginspec/openapi-runtime';

/** The bundled eos description, generated from specs/eos by `pnpm gen`: the server's contract. */
export const eos = new Description<operations, EosErrorCode>(bundled as unknown as OpenApiDocument);

/** What the description states and the server obeys by default. */
export const documented = {
  lifetimes: {
    helloMs: eos.extension<number>('x-session-lifetime-seconds', 'hello') * 1000,
    loginMs: eos.extension<number>('x-session-lifetime-seconds', 'login') * 1000,
  },
  defaultDomain: eos.extension<string>('x-default-domain', 'login'),
  /** Sessions Hello may open per client address in a window. */
  helloRate: eos.extension<{ perAddress: number; windowSeconds: number }>('x-rate-limit', 'hello'),
  /** Live sessions the server holds at most. */
  sessionCapacity: eos.extension<number>('x-session-capacity', 'hello'),
};

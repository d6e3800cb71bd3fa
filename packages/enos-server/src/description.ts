import bundled from '@loginspec/enos-client/openapi.json' with { type: 'json' };
import type { EnosErrorCode, operations } from '@loginspec/enos-client';
import type { OpenApiDocument } from '@loginspec/codec';
import { Description } from '@loginspec/openapi-runtime';

/** The bundled enos description, generated from specs/enos by `pnpm gen`: the server's contract. */
export const enos = new Description<operations, EnosErrorCode>(bundled as unknown as OpenApiDocument);

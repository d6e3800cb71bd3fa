import type { AktionErrorCode, operations } from '@loginspec/aktion-client';
import bundled from '@loginspec/aktion-client/openapi.json' with { type: 'json' };
import type { OpenApiDocument } from '@loginspec/codec';
import { Description } from '@loginspec/openapi-runtime';

/** The bundled aktion description, generated from specs/aktion by `pnpm gen`: the server's contract. */
export const aktion = new Description<operations, AktionErrorCode>(bundled as unknown as OpenApiDocument);

import description from '@loginspec/eos-client/openapi.json' with { type: 'json' };
import { Contract, type OpenApiDocument } from '@loginspec/openapi-runtime';

/** The bundled eos description, generated from specs/eos by `pnpm gen`: the server's contract. */
export const eosDescription = description as unknown as OpenApiDocument;

export const eosContract = new Contract(eosDescription);

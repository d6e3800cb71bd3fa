import description from '@loginspec/enos-client/openapi.json' with { type: 'json' };
import { Contract, type OpenApiDocument } from '@loginspec/openapi-runtime';

/** The bundled enos description, generated from specs/enos by `pnpm gen`: the server's contract. */
export const enosDescription = description as unknown as OpenApiDocument;

export const enosContract = new Contract(enosDescription);

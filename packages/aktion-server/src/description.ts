import description from '@loginspec/aktion-client/openapi.json' with { type: 'json' };
import { Contract, type OpenApiDocument } from '@loginspec/openapi-runtime';

/** The bundled aktion description, generated from specs/aktion by `pnpm gen`: the server's contract. */
export const aktionDescription = description as unknown as OpenApiDocument;

export const aktionContract = new Contract(aktionDescription);

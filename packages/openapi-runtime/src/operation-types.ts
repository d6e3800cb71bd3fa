/**
 * The typed adapter between openapi-typescript's `operations[...]` types and
 * handlers: a handler sees its operation's typed body, parameters and
 * principals, and may only answer a status the description documents, with
 * that status's body type.
 *
 * @module
 */

/**
 * `body` serves every documented media type; `content` gives one body per
 * media type instead, for answers whose JSON and XML forms differ. One
 * member per status keeps `status` a discriminant TypeScript can narrow on.
 */
type ResponseOf<S, R> = R extends { content: infer C }
  ? { status: S; body?: C[keyof C]; content?: { [M in keyof C]: C[M] }; headers?: Record<string, string> }
  : { status: S; body?: undefined; headers?: Record<string, string> };

export type OperationResponse<Op> = Op extends { responses: infer Rs } ? { [S in keyof Rs & number]: ResponseOf<S, Rs[S]> }[keyof Rs & number] : never;

export type OperationBody<Op> = Op extends { requestBody: { content: infer C } }
  ? C[keyof C]
  : Op extends { requestBody?: { content: infer C } }
    ? C[keyof C] | undefined
    : undefined;

/** The parameters of one location (`path`, `query`, `header`, `cookie`), as the description names them. */
export type OperationParameters<Op, In extends string> = Op extends { parameters: infer P }
  ? P extends { [K in In]?: infer V }
    ? [V] extends [never]
      ? Record<string, never>
      : V
    : Record<string, never>
  : Record<string, never>;

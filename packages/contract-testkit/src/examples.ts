import { bodyFormat, type Contract, encodeBody, resolveRef } from '@loginspec/openapi-runtime';

export interface ExampleExchange {
  operationId: string;
  /** The example's name, shared by the request example and the response example it leads to. */
  name: string;
  summary: string | undefined;
  mediaType: string;
  /** The request body as it goes on the wire. */
  body: string;
  /** The status whose response carries an example of the same name. */
  status: number;
}

/**
 * The request examples of an operation, each paired with the documented
 * response that holds an example of the same name: replaying them checks
 * that the description's examples are true of the server.
 */
export function exampleExchanges(contract: Contract, operationId: string): ExampleExchange[] {
  const op = contract.operation(operationId);
  const exchanges: ExampleExchange[] = [];
  for (const { mediaType, media } of contract.requestBodies(op)) {
    for (const [name, raw] of Object.entries(media.examples ?? {})) {
      const example = resolveRef(contract.doc, raw) as { value?: unknown; summary?: string };
      const status = Object.keys(op.operation.responses ?? {}).find((code) =>
        contract.responseBodies(op, code).some((b) => b.media.examples?.[name] !== undefined),
      );
      if (status === undefined) throw new Error(`${operationId}: request example "${name}" has no response example of the same name`);
      const format = bodyFormat(mediaType) ?? 'json';
      // XML examples are written as documents already; other formats are values to encode.
      const body = typeof example.value === 'string' && format === 'xml' ? example.value : encodeBody(format, example.value, media.schema ?? true, contract.doc);
      exchanges.push({ operationId, name, summary: example.summary, mediaType, body, status: Number(status) });
    }
  }
  return exchanges;
}

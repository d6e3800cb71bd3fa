import type { AnyDescription } from '@loginspec/openapi-runtime';

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
export function exampleExchanges(description: AnyDescription, operationId: string): ExampleExchange[] {
  const plan = description.plan(operationId);
  return description.requestExamples(operationId).map((example) => {
    const status = plan.responseKeys.find((key) => [...(plan.response(Number(key))?.bodies.values() ?? [])].some((b) => b.examples.has(example.name)));
    if (status === undefined) throw new Error(`${operationId}: request example "${example.name}" has no response example of the same name`);
    const codec = plan.requestBody?.bodies.get(example.mediaType)?.codec;
    if (!codec) throw new Error(`${operationId}: no body plan for ${example.mediaType}`);
    // XML examples are written as documents already; other formats are values to encode.
    const body = typeof example.value === 'string' && codec.format === 'xml' ? example.value : codec.encode(example.value);
    return { operationId, name: example.name, summary: example.summary, mediaType: example.mediaType, body, status: Number(status) };
  });
}

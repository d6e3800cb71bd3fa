import { escapePointer, type OpenApiDocument, resolveRef, type Schema } from '@loginspec/codec';

export interface MediaTypeObject {
  schema?: Schema;
  examples?: Record<string, ExampleObject | { $ref: string }>;
}

export interface ExampleObject {
  summary?: string;
  description?: string;
  value?: unknown;
  externalValue?: string;
}

export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
  headers?: Record<string, unknown>;
}

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
  style?: string;
  explode?: boolean;
  content?: unknown;
}

export interface OperationObject {
  operationId?: string;
  parameters?: (ParameterObject | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, MediaTypeObject> } | { $ref: string };
  responses?: Record<string, ResponseObject | { $ref: string }>;
  security?: Record<string, string[]>[];
  [field: string]: unknown;
}

export interface OperationRef {
  operationId: string;
  /** Lower case, as a key of a Path Item. */
  method: string;
  /** The path template as written in the description, e.g. `/api/v1/{tenant}/me/login`. */
  path: string;
  /** JSON pointer of the operation inside the document. */
  pointer: string;
  operation: OperationObject;
  /** The Path Item's own parameters, which the operation's override by name and location. */
  pathParameters: { value: ParameterObject | { $ref: string }; pointer: string }[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every operation of a description, in the order of its paths. */
export function listOperations(doc: OpenApiDocument): OperationRef[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, rawItem]) => {
    const item = resolveRef(doc, rawItem);
    const itemPointer = `#/paths/${escapePointer(path)}`;
    const shared = ((item.parameters ?? []) as OperationObject['parameters'] & object).map((value, i) => ({ value, pointer: `${itemPointer}/parameters/${i}` }));
    return METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method] as OperationObject;
      if (!operation.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      return { operationId: operation.operationId, method, path, pointer: `${itemPointer}/${method}`, operation, pathParameters: shared };
    });
  });
}

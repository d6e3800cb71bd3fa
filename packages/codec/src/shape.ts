import { type OpenApiDocument, resolveRef, type Schema, type SchemaObject } from './document.js';

/**
 * What reading text into typed values needs to know of a schema, resolved
 * once: its kind, its properties and items, and its OpenAPI `xml` names.
 * Form fields, XML elements and parameters all arrive as text; a shape
 * says which text becomes a number or a boolean and how XML maps onto
 * properties, so that no `$ref` is followed while a message is read.
 */
export interface Shape {
  /** The schema's type without `null`; inferred from `properties`/`items`; undefined when it states none. */
  kind: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null' | undefined;
  /** `xml.name`: the element name of a root or of an item. */
  xmlName: string | undefined;
  /** Object properties by property name (objects only). */
  properties: ReadonlyMap<string, PropertyShape>;
  /** Object properties by the XML element that carries them (objects only). */
  elements: ReadonlyMap<string, PropertyShape>;
  /** The shape of each item (arrays only). */
  items: Shape | undefined;
}

export interface PropertyShape {
  name: string;
  shape: Shape;
  /** An array not `xml.wrapped`: each item is an element of its own, named by the items' `xml.name` or the property. */
  repeated: boolean;
  /** The element that carries the property (or each of its items, when repeated). */
  elementName: string;
}

const ANY: Shape = { kind: undefined, xmlName: undefined, properties: new Map(), elements: new Map(), items: undefined };

/**
 * Compiles a schema into its shape. Shapes are cached per schema object, so
 * a recursive schema compiles to a cyclic shape instead of looping.
 */
export function compileShape(schema: Schema, doc: OpenApiDocument, cache = new Map<object, Shape>()): Shape {
  const resolved = branchOf(resolveRef(doc, schema), doc);
  if (typeof resolved !== 'object') return ANY;
  const cached = cache.get(resolved);
  if (cached) return cached;
  const properties = new Map<string, PropertyShape>();
  const elements = new Map<string, PropertyShape>();
  const shape: Shape = { kind: kindOf(resolved), xmlName: resolved.xml?.name, properties, elements, items: undefined };
  cache.set(resolved, shape);
  if (resolved.items !== undefined) shape.items = compileShape(resolved.items, doc, cache);
  for (const [name, raw] of Object.entries(resolved.properties ?? {})) {
    const property = resolveRef(doc, raw);
    const xml = typeof property === 'object' ? property.xml : undefined;
    const inner = compileShape(raw, doc, cache);
    const repeated = inner.kind === 'array' && !xml?.wrapped;
    const elementName = (repeated ? inner.items?.xmlName : xml?.name) ?? name;
    const entry = { name, shape: inner, repeated, elementName };
    properties.set(name, entry);
    elements.set(elementName, entry);
  }
  return shape;
}

/**
 * XML and forms have no null but `xsi:nil`, so for `anyOf`/`oneOf`
 * (typically "a type or null") a value is read as the first branch that is
 * not null.
 */
function branchOf(schema: Schema, doc: OpenApiDocument): Schema {
  if (typeof schema !== 'object') return schema;
  const branches = schema.anyOf ?? schema.oneOf;
  if (!branches || schema.type !== undefined) return schema;
  const resolved = branches.map((branch) => resolveRef(doc, branch));
  return resolved.find((branch) => typeof branch === 'object' && kindOf(branch) !== 'null') ?? schema;
}

function kindOf(schema: SchemaObject): Shape['kind'] {
  const types = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null') : [schema.type];
  if (types[0]) return types[0] as Shape['kind'];
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const INTEGER = /^-?(?:0|[1-9]\d*)$/;

/**
 * Text read as the scalar its shape names: numbers and booleans in their
 * JSON spelling become values; anything else stays text, for the validator
 * to refuse with the schema's own message.
 */
export function scalarOf(text: string, shape: Shape): unknown {
  switch (shape.kind) {
    case 'integer':
      return INTEGER.test(text) ? Number(text) : text;
    case 'number':
      return NUMBER.test(text) ? Number(text) : text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    default:
      return text;
  }
}

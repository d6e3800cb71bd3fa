import { type OpenApiDocument, type Schema, type SchemaObject, resolveRef } from '../document.js';
import type { XmlElement } from './parse.js';

/** The XML does not have the shape of the schema (wrong root element). */
export class XmlShapeError extends Error {
  override readonly name = 'XmlShapeError';
}

/**
 * Maps parsed XML onto the value the schema describes, following the
 * OpenAPI `xml` object: element names from `xml.name` (else the property
 * name), arrays either wrapped (`xml.wrapped`) or as repeated elements.
 * Scalars stay text: the validator coerces them to the schema's types, and
 * elements the schema does not name are kept so that validation can refuse them.
 */
export function readXml(root: XmlElement, schema: Schema, doc: OpenApiDocument): unknown {
  const resolved = resolveRef(doc, schema);
  const expected = typeof resolved === 'object' ? resolved.xml?.name : undefined;
  if (expected && root.name !== expected) {
    throw new XmlShapeError(`root element must be <${expected}>, got <${root.name}>`);
  }
  return readElement(root, resolved, doc);
}

function readElement(element: XmlElement, schema: Schema | undefined, doc: OpenApiDocument): unknown {
  if (element.attributes.nil === 'true') return null;
  const resolved = schema === undefined ? undefined : branchOf(resolveRef(doc, schema), doc);
  if (typeof resolved !== 'object') return untyped(element);
  switch (kindOf(resolved)) {
    case 'object':
      return readObject(element, resolved, doc);
    case 'array':
      return element.children.map((child) => readElement(child, resolved.items, doc));
    case 'string':
      return element.children.length > 0 ? untyped(element) : element.text;
    default:
      return element.children.length > 0 ? untyped(element) : element.text.trim();
  }
}

/**
 * XML has no null but `xsi:nil`, so for `anyOf`/`oneOf` (typically "a type
 * or null") an element is read as the first branch that is not null.
 */
function branchOf(schema: Schema, doc: OpenApiDocument): Schema {
  if (typeof schema !== 'object') return schema;
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (!branches || schema.type !== undefined) return schema;
  const resolved = branches.map((branch) => resolveRef(doc, branch));
  return resolved.find((branch) => typeof branch === 'object' && kindOf(branch) !== 'null') ?? schema;
}

function readObject(element: XmlElement, schema: SchemaObject, doc: OpenApiDocument): Record<string, unknown> {
  const properties = Object.entries(schema.properties ?? {}).map(([name, raw]) => {
    const property = resolveRef(doc, raw);
    const xml = typeof property === 'object' ? property.xml : undefined;
    const repeated = typeof property === 'object' && kindOf(property) === 'array' && !xml?.wrapped;
    return { name, property, elementName: (repeated ? itemElementName(property, doc) : xml?.name) ?? name, repeated };
  });
  const result: Record<string, unknown> = {};
  for (const child of element.children) {
    const match = properties.find((p) => p.elementName === child.name);
    if (!match) {
      addValue(result, child.name, untyped(child));
    } else if (match.repeated && typeof match.property === 'object') {
      const list = (result[match.name] ??= []) as unknown[];
      list.push(readElement(child, match.property.items, doc));
    } else {
      addValue(result, match.name, readElement(child, match.property, doc));
    }
  }
  return result;
}

/** A second element for a single-valued property makes an array, which validation then refuses. */
function addValue(target: Record<string, unknown>, key: string, value: unknown): void {
  if (!(key in target)) target[key] = value;
  else if (Array.isArray(target[key])) (target[key] as unknown[]).push(value);
  else target[key] = [target[key], value];
}

function untyped(element: XmlElement): unknown {
  if (element.children.length === 0) return element.text;
  const result: Record<string, unknown> = {};
  for (const child of element.children) addValue(result, child.name, untyped(child));
  return result;
}

/** Unwrapped arrays repeat their items, named by the items' `xml.name` when they have one. */
export function itemElementName(array: Schema, doc: OpenApiDocument): string | undefined {
  const items = typeof array === 'object' && array.items !== undefined ? resolveRef(doc, array.items) : undefined;
  return typeof items === 'object' ? items.xml?.name : undefined;
}

export function kindOf(schema: SchemaObject): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null') : [schema.type];
  if (types[0]) return types[0];
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

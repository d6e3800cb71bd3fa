import { XMLBuilder } from 'fast-xml-parser';
import { type OpenApiDocument, type Schema, resolveRef } from '../document.js';
import { itemElementName, kindOf } from './read.js';

// fast-xml-parser escapes text and attribute values; nothing else is configured.
const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: false });

/**
 * Writes a value as XML following the schema's OpenAPI `xml` objects, the
 * mirror of `readXml`. The root element is the schema's `xml.name`, else `fallbackRoot`.
 * Null and absent values are left out, as ASP.NET-style services do.
 */
export function writeXml(value: unknown, schema: Schema, doc: OpenApiDocument, fallbackRoot = 'Response'): string {
  const resolved = resolveRef(doc, schema);
  const root = (typeof resolved === 'object' ? resolved.xml?.name : undefined) ?? fallbackRoot;
  return builder.build({ [root]: toBuilderTree(value, resolved, doc) }) as string;
}

function toBuilderTree(value: unknown, schema: Schema | undefined, doc: OpenApiDocument): unknown {
  const resolved = schema === undefined ? undefined : resolveRef(doc, schema);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = typeof resolved === 'object' ? resolveRef(doc, resolved.items ?? true) : true;
    const itemName = (typeof items === 'object' ? items.xml?.name : undefined) ?? 'item';
    return { [itemName]: value.map((item) => toBuilderTree(item, items, doc)) };
  }
  const properties = typeof resolved === 'object' ? resolved.properties ?? {} : {};
  const tree: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null || item === undefined) continue;
    const property = properties[key] === undefined ? undefined : resolveRef(doc, properties[key]);
    const xml = typeof property === 'object' ? property.xml : undefined;
    const repeated = Array.isArray(item) && typeof property === 'object' && kindOf(property) === 'array' && !xml?.wrapped;
    if (repeated && typeof property === 'object') {
      // Unwrapped arrays repeat the element itself; the builder writes an array as repeated elements.
      tree[itemElementName(property, doc) ?? key] = item.map((entry) => toBuilderTree(entry, property.items, doc));
    } else {
      tree[xml?.name ?? key] = toBuilderTree(item, property, doc);
    }
  }
  return tree;
}

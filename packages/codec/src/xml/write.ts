import { XMLBuilder } from 'fast-xml-parser';
import type { Shape } from '../shape.js';

// fast-xml-parser escapes text and attribute values; nothing else is configured.
const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: false });

/**
 * Writes a value as XML following its shape, the mirror of `readXml`. The
 * root element is the schema's `xml.name`, else `fallbackRoot`. Null and
 * absent values are left out, as ASP.NET-style services do.
 */
export function writeXml(value: unknown, shape: Shape, fallbackRoot = 'Response'): string {
  return builder.build({ [shape.xmlName ?? fallbackRoot]: toBuilderTree(value, shape) }) as string;
}

function toBuilderTree(value: unknown, shape: Shape | undefined): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    return { [shape?.items?.xmlName ?? 'item']: value.map((item) => toBuilderTree(item, shape?.items)) };
  }
  const tree: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null || item === undefined) continue;
    const property = shape?.properties.get(key);
    if (!property) tree[key] = toBuilderTree(item, undefined);
    // Unwrapped arrays repeat the element itself; the builder writes an array as repeated elements.
    else if (property.repeated && Array.isArray(item)) tree[property.elementName] = item.map((entry) => toBuilderTree(entry, property.shape.items));
    else tree[property.elementName] = toBuilderTree(item, property.shape);
  }
  return tree;
}

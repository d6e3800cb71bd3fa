import { XMLBuilder } from 'fast-xml-parser';
import type { Shape } from '../shape.js';

// fast-xml-parser escapes markup in text and attribute values.
const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: false });

/**
 * Characters XML 1.0 does not allow in a document, escaped or not (control
 * characters but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF).
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text that can stand in an XML document: a character XML forbids is written as its JavaScript escape (`\u0001`). */
function xmlText(text: string): string {
  return text.replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Writes a value as XML following its shape, the mirror of `readXml`. The
 * root element is the schema's `xml.name`, else `fallbackRoot`. Null and
 * absent values are left out, as ASP.NET-style services do.
 */
export function writeXml(value: unknown, shape: Shape, fallbackRoot = 'Response'): string {
  return builder.build({ [shape.xmlName ?? fallbackRoot]: toBuilderTree(value, shape) }) as string;
}

function toBuilderTree(value: unknown, shape: Shape | undefined): unknown {
  if (typeof value === 'string') return xmlText(value);
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

import type { Shape } from '../shape.js';

/**
 * Characters XML 1.0 does not allow in a document, escaped or not (control
 * characters but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF).
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MARKUP = /[&<>]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Text that can stand in an XML element: markup escaped, a character XML forbids written as its JavaScript escape (`\u0001`). */
function xmlText(text: string): string {
  return text.replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(MARKUP, (c) => ENTITIES[c] as string);
}

/**
 * Writes a value as XML following its shape, the mirror of `readXml`. The
 * root element is the schema's `xml.name`, else `fallbackRoot`. Null and
 * absent values are left out, as ASP.NET-style services do; an empty array
 * or object is an empty element.
 */
export function writeXml(value: unknown, shape: Shape, fallbackRoot = 'Response'): string {
  return element(shape.xmlName ?? fallbackRoot, value, shape);
}

function element(name: string, value: unknown, shape: Shape | undefined): string {
  const inner = content(value, shape);
  return inner === '' ? `<${name} />` : `<${name}>${inner}</${name}>`;
}

function content(value: unknown, shape: Shape | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return xmlText(String(value));
  if (Array.isArray(value)) {
    const itemName = shape?.items?.xmlName ?? 'item';
    return value.map((item) => element(itemName, item, shape?.items)).join('');
  }
  let inner = '';
  for (const [key, item] of Object.entries(value)) {
    if (item === null || item === undefined) continue;
    const property = shape?.properties.get(key);
    // Unwrapped arrays repeat the element itself, once per item.
    if (property?.repeated && Array.isArray(item)) inner += item.map((entry) => element(property.elementName, entry, property.shape.items)).join('');
    else inner += element(property?.elementName ?? key, item, property?.shape);
  }
  return inner;
}

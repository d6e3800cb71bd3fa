import { addValue } from '../members.js';
import { scalarOf, type Shape } from '../shape.js';
import type { XmlElement } from './parse.js';

/** The XML does not have the shape of the schema (wrong root element). */
export class XmlShapeError extends Error {
  override readonly name = 'XmlShapeError';
}

/**
 * Maps parsed XML onto the value its shape describes, following the OpenAPI
 * `xml` object: element names from `xml.name` (else the property name),
 * arrays either wrapped (`xml.wrapped`) or as repeated elements, `xsi:nil`
 * as null. Scalars become the type their schema names when their text is
 * spelled as one; elements the schema does not name are kept, as text or
 * nested objects, so that validation can refuse them.
 */
export function readXml(root: XmlElement, shape: Shape): unknown {
  if (shape.xmlName && root.name !== shape.xmlName) {
    throw new XmlShapeError(`root element must be <${shape.xmlName}>, got <${root.name}>`);
  }
  return readElement(root, shape);
}

function readElement(element: XmlElement, shape: Shape): unknown {
  if (element.attributes.nil === 'true') return null;
  switch (shape.kind) {
    case 'object':
      return readObject(element, shape);
    case 'array':
      return element.children.map((child) => (shape.items ? readElement(child, shape.items) : untyped(child)));
    case 'string':
      return element.children.length > 0 ? untyped(element) : element.text;
    case undefined:
      return untyped(element);
    default:
      // Numbers and booleans: the whitespace around them is layout, not value.
      return element.children.length > 0 ? untyped(element) : scalarOf(element.text.trim(), shape);
  }
}

function readObject(element: XmlElement, shape: Shape): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const child of element.children) {
    const property = shape.elements.get(child.name);
    if (!property) {
      addValue(result, child.name, untyped(child));
    } else if (property.repeated) {
      const list = (result[property.name] ??= []) as unknown[];
      list.push(property.shape.items ? readElement(child, property.shape.items) : untyped(child));
    } else {
      addValue(result, property.name, readElement(child, property.shape));
    }
  }
  return result;
}

function untyped(element: XmlElement): unknown {
  if (element.children.length === 0) return element.text;
  const result: Record<string, unknown> = {};
  for (const child of element.children) addValue(result, child.name, untyped(child));
  return result;
}

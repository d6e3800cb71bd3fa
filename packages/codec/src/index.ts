export { type BodyCodec, createBodyCodec, MalformedBodyError } from './body-codec.js';
export { atPointer, escapePointer, type OpenApiDocument, resolveRef, type Schema, type SchemaObject } from './document.js';
export { type BodyFormat, bodyFormat, type MediaType, parseMediaType } from './media-type.js';
export { addValue, type ErrorFields, errorFieldsOf, memberAt } from './members.js';
export { compileShape, type PropertyShape, scalarOf, type Shape } from './shape.js';
export { type MalformedReason, type XmlElement, parseXml, XmlRefusedError } from './xml/parse.js';
export { readXml, XmlShapeError } from './xml/read.js';
export { writeXml } from './xml/write.js';

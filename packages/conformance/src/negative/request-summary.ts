/**
 * Requests as text for reports and labels: short, one line, every
 * character outside printable ASCII escaped, so that a report shows the
 * hostile bytes a case sent instead of sending them on to a terminal.
 *
 * @module
 */
import { maskBody, maskHeaders } from '../mask.js';
import { byteLength, type GeneratedRequest } from './generated-request.js';

/** Bytes as text, those that are not UTF-8 as U+FFFD. */
const lenient = new TextDecoder();

/** Text for a label: short, every character outside printable ASCII escaped. */
export function printable(text: string, max = 48): string {
  const cut = text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
  return cut.replace(/[^\x20-\x7e…]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A place in a body value, for a label: `password`, `user.name`, `(body)` for the root. */
export const where = (path: readonly string[]): string => (path.length === 0 ? '(body)' : path.join('.'));

/**
 * A request in one line, for reports: method, path, the headers that
 * matter, the body's size and start, secrets masked as the exchange log
 * masks them. A body of bytes is shown in hex, unless masking changes it:
 * then as masked text, so that no secret passes as hex.
 */
export function summarize(request: GeneratedRequest, bodyChars = 160): string {
  const headers = Object.entries(maskHeaders(request.headers))
    .map(([name, value]) => `${name}: ${printable(value, 80)}`)
    .join('; ');
  const size = byteLength(request.body);
  let body = '';
  if (typeof request.body === 'string') body = ` «${printable(maskBody(request.body), bodyChars)}»`;
  else if (request.body) {
    const text = lenient.decode(request.body);
    const masked = maskBody(text);
    body = masked === text ? ` «bytes ${Buffer.from(request.body.subarray(0, 48)).toString('hex')}${request.body.length > 48 ? '…' : ''}»` : ` «${printable(masked, bodyChars)}»`;
  }
  return `${request.method} ${printable(request.path, 200)} [${headers}] ${request.body === undefined ? 'no body' : `${size} bytes${request.chunked ? ', chunked' : ''}`}${body}`;
}

import { accessLog as entries, formatAccess, type LogFormat } from '@loginspec/login-kit/serve';
import type { MiddlewareHandler } from 'hono';

/**
 * One line per request: method, path, status and time, as text or a JSON
 * line. Never the query string (`?password=…` on a login path is a
 * credential), never a body or a header, and no colour codes.
 */
export function accessLog(write: (line: string) => void, format: LogFormat = 'text'): MiddlewareHandler {
  return entries((entry) => write(formatAccess(entry, format)));
}

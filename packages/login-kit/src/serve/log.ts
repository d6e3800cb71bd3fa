import type { MiddlewareHandler } from 'hono';

/** `json`: one JSON object a line, for a collector; `text`: lines for people. Neither has colour codes. */
export type LogFormat = 'json' | 'text';

export const LOG_FORMATS: readonly LogFormat[] = ['json', 'text'];

/** JSON lines when stdout is not a terminal (CI, a container, a file), text when it is. */
export function defaultLogFormat(isTty: boolean): LogFormat {
  return isTty ? 'text' : 'json';
}

type Level = 'info' | 'warn' | 'error';

/** What the servers say: events on stdout (info) and stderr (warn, error), in one format. */
export interface Logger {
  readonly format: LogFormat;
  info(event: string, message: string, fields?: Record<string, unknown>): void;
  warn(event: string, message: string, fields?: Record<string, unknown>): void;
  error(event: string, message: string, fields?: Record<string, unknown>): void;
  /** An access-log line, on stdout. */
  request(entry: AccessEntry): void;
}

export interface LoggerOptions {
  format: LogFormat;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** The time of each JSON line, in ms since the epoch (`Date.now` by default). */
  now?: () => number;
}

/** A text message may span lines (the banner); a JSON line never does. */
export function createLogger({ format, stdout, stderr, now = Date.now }: LoggerOptions): Logger {
  const write = (level: Level) => (event: string, message: string, fields: Record<string, unknown> = {}) => {
    const out = level === 'info' ? stdout : stderr;
    out(format === 'json' ? JSON.stringify({ time: new Date(now()).toISOString(), level, event, message, ...fields }) : message);
  };
  return { format, info: write('info'), warn: write('warn'), error: write('error'), request: (entry) => stdout(formatAccess(entry, format, now)) };
}

/** One request, as the access log keeps it: never a query string, a body or a header. */
export interface AccessEntry {
  method: string;
  /** The path only: a query string (`?password=…`) may carry a credential. */
  path: string;
  status: number;
  ms: number;
}

/** `POST /enos/login 200 12ms`, or the same as a JSON line. */
export function formatAccess(entry: AccessEntry, format: LogFormat, now: () => number = Date.now): string {
  const message = `${entry.method} ${entry.path} ${entry.status} ${entry.ms}ms`;
  return format === 'json' ? JSON.stringify({ time: new Date(now()).toISOString(), level: 'info', event: 'request', message, ...entry }) : message;
}

/**
 * One line per request: method, path, status and time. Never the query
 * string, never a body or a header, and no colour codes. The path is logged
 * as it came, percent-encoded: a decoded `%0a` would start a forged line.
 */
export function accessLog(write: (entry: AccessEntry) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    write({ method: c.req.method, path: new URL(c.req.url).pathname, status: c.res.status, ms: Math.round(performance.now() - started) });
  };
}

/**
 * The report of an error a server answered with a documented 500: the
 * answer says nothing of the cause, so the operator reads it here.
 *
 * @module
 */

/** Where the error was met: the API and the operation whose answer it became. */
export interface ErrorSite {
  api: string;
  operation: string;
}

/** Told once of the error behind a documented 500, and where it was met. */
export type ReportError = (error: unknown, site: ErrorSite) => void;

/** Longer messages are cut: one bounded line, whatever a dependency put in its error. */
const MAX_MESSAGE = 500;

/** A URL's `user:password@` (a Redis URL in a connection error), which no report repeats. */
const URL_CREDENTIALS = /\/\/[^/\s@]*@/g;

/**
 * The report as one JSON line: the event, the API, the operation and the
 * error's name and message. No stack (a log shipper reads one line as one
 * event; a stack spread over lines is many) and no URL credentials.
 */
export function errorReportLine(error: unknown, { api, operation }: ErrorSite, now = new Date()): string {
  const name = error instanceof Error ? error.name : typeof error;
  const text = (error instanceof Error ? error.message : String(error)).replace(URL_CREDENTIALS, '//…@');
  const message = text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
  return JSON.stringify({ time: now.toISOString(), level: 'error', event: 'server-error', api, operation, error: name, message });
}

/** The servers' default report: the line on stderr. */
export const reportErrorOnStderr: ReportError = (error, site) => console.error(errorReportLine(error, site));

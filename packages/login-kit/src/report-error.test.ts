import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorReportLine, reportErrorOnStderr } from './report-error.js';

afterEach(() => vi.restoreAllMocks());

const site = { api: 'edr', operation: 'checkToken' };

describe('errorReportLine', () => {
  it("is one JSON line of the event, the API, the operation and the error's name and message, without its stack", () => {
    const error = new TypeError('the store is down');
    const line = errorReportLine(error, site, new Date(Date.UTC(2018, 9, 8)));
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      time: '2018-10-08T00:00:00.000Z',
      level: 'error',
      event: 'server-error',
      api: 'edr',
      operation: 'checkToken',
      error: 'TypeError',
      message: 'the store is down',
    });
    expect(line).not.toContain('report-error.test');
  });

  it("keeps a message's newlines escaped on the one line, and cuts a long message", () => {
    const line = errorReportLine(new Error(`first\nsecond ${'x'.repeat(1000)}`), site);
    expect(line).not.toContain('\n');
    const { message } = JSON.parse(line) as { message: string };
    expect(message.startsWith('first\nsecond ')).toBe(true);
    expect(message.length).toBe(501);
  });

  it("never repeats a URL's credentials", () => {
    const line = errorReportLine(new Error('connect ECONNREFUSED redis://default:s3cret-pass@redis.internal:6379'), site);
    expect(line).not.toContain('s3cret-pass');
    expect(JSON.parse(line).message).toBe('connect ECONNREFUSED redis://…@redis.internal:6379');
  });

  it('names what was thrown when it is not an Error', () => {
    expect(JSON.parse(errorReportLine('gone', site))).toMatchObject({ error: 'string', message: 'gone' });
  });
});

describe('reportErrorOnStderr', () => {
  it('writes the line once, alone, to stderr', () => {
    const written = vi.spyOn(console, 'error').mockImplementation(() => {});
    reportErrorOnStderr(new Error('down'), site);
    expect(written).toHaveBeenCalledTimes(1);
    expect(written.mock.calls[0]).toHaveLength(1);
    expect(JSON.parse(String(written.mock.calls[0]?.[0]))).toMatchObject({ ...site, error: 'Error', message: 'down' });
  });
});

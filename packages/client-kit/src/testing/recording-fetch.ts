/**
 * A fetch that goes to the network and notes what each request was: what a
 * test of an auth layer asserts on (which operations were called, with
 * which `Authorization`), against a real server.
 */
export interface Call {
  /** `POST /login`: the method and the path below the API's base URL. */
  call: string;
  authorization: string | null;
  status?: number;
}

export function recordingFetch(baseUrl: string) {
  const base = new URL(baseUrl).pathname.replace(/\/$/, '');
  const calls: Call[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const entry: Call = { call: `${request.method} ${new URL(request.url).pathname.slice(base.length)}`, authorization: request.headers.get('authorization') };
    calls.push(entry);
    const response = await globalThis.fetch(request);
    entry.status = response.status;
    return response;
  };
  return {
    fetch,
    calls,
    /** `POST /login 200`, … for each call so far. */
    lines: () => calls.map((c) => `${c.call} ${c.status ?? '-'}`),
    /** How many calls of `call` (`POST /login`) were made. */
    count: (call: string) => calls.filter((c) => c.call === call).length,
  };
}

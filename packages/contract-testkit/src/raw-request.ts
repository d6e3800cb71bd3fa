import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** A request `fetch` will not send: a GET or HEAD with a body, a Content-Length that lies, bytes as they are. */
export interface RawRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** Sends a request as given, over node:http(s), and answers the reply as a `Response` (cut at 1 MiB). */
export function sendRaw({ method, url, headers = {}, body }: RawRequest, timeoutMs = 10_000): Promise<Response> {
  const send = new URL(url).protocol === 'https:' ? httpsRequest : httpRequest;
  // Framed by its length unless the caller frames it otherwise (a GET sent chunked is refused by Node's own parser).
  const framed = body === undefined || Object.keys(headers).some((name) => /^(content-length|transfer-encoding)$/i.test(name)) ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = send(url, { method, headers: framed, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= 1024 * 1024) chunks.push(chunk);
      });
      res.on('error', reject);
      res.on('end', () => {
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) answerHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
        const status = res.statusCode ?? 0;
        resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers: answerHeaders }));
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to ${method} ${url} in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

import { get } from 'node:http';
import { connect, type Socket } from 'node:net';

/** A raw TCP connection to a server on loopback, for tests of its connection limits. */
export interface Peer {
  socket: Socket;
  /** What the server has sent so far. */
  readonly received: string;
  /** Settles once the connection is closed: how long after it was opened, and all the server sent. */
  closed: Promise<{ afterMs: number; received: string }>;
}

/** Opens a connection to `port` on 127.0.0.1 and sends nothing. */
export function connectPeer(port: number): Promise<Peer> {
  return new Promise((resolve, reject) => {
    const opened = performance.now();
    let received = '';
    const socket = connect(port, '127.0.0.1');
    const closed = new Promise<{ afterMs: number; received: string }>((done) => socket.once('close', () => done({ afterMs: performance.now() - opened, received })));
    // Read as it comes: a paused socket would not see the server close it.
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.once('error', reject);
    socket.once('connect', () => {
      // A server that closes it at once may reset it: that is an answer, not an error.
      socket.off('error', reject).on('error', () => {});
      resolve({ socket, closed, get received() { return received; } });
    });
  });
}

/** Whether the server closes the connection within `ms`. */
export function closedWithin(peer: Peer, ms: number): Promise<boolean> {
  return Promise.race([peer.closed.then(() => true), new Promise<boolean>((resolve) => setTimeout(resolve, ms, false))]);
}

/**
 * The status of a GET of `path` on a connection of its own, from
 * `localAddress`: Linux routes the whole of 127.0.0.0/8 to loopback, so
 * 127.0.0.2 is another client on the same machine.
 */
export function statusOf(port: number, path: string, { localAddress = '127.0.0.1' }: { localAddress?: string } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = get({ host: '127.0.0.1', port, path, localAddress, agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode as number));
    });
    request.once('timeout', () => request.destroy(new Error(`no answer to GET ${path} within 2 s`))).once('error', reject);
  });
}

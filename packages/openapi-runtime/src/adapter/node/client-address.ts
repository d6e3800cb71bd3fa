/**
 * The client's address on Node.js (@hono/node-server), for per-client
 * limits. Only this adapter knows the socket; the router takes it as an option.
 *
 * @module
 */
import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export interface ClientAddressOptions {
  /**
   * Proxies whose `X-Forwarded-For` is believed: addresses or CIDR ranges
   * (`10.0.0.0/8`, `::1`). Empty by default: the socket's peer is the
   * client, and a client cannot choose its address by sending a header.
   */
  trustedProxies?: readonly string[];
}

/** `::ffff:127.0.0.1` is the IPv4 address 127.0.0.1 seen through an IPv6 socket. */
function plain(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function blockListOf(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address);
    if (family === 0) throw new Error(`trusted proxy "${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) {
      list.addAddress(address, type);
      continue;
    }
    // "10.0.0.0/" must not read as /0, which would trust every address.
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
    if (!(bits >= 0 && bits <= (family === 4 ? 32 : 128))) throw new Error(`trusted proxy "${entry}" has no valid prefix length`);
    list.addSubnet(address, bits, type);
  }
  return list;
}

/**
 * Reads the client's address: the socket's peer, or, when the peer is a
 * trusted proxy, the nearest address in `X-Forwarded-For` that is not a
 * trusted proxy itself (the header is read right to left, since only the
 * entries our proxies appended can be believed).
 *
 * @example
 * operationRouter(app, description, { clientAddress: clientAddress({ trustedProxies: ['10.0.0.0/8'] }) });
 */
export function clientAddress({ trustedProxies = [] }: ClientAddressOptions = {}): (c: Context) => string {
  const trusted = blockListOf(trustedProxies);
  const isTrusted = (address: string) => {
    const family = isIP(address);
    return family !== 0 && trusted.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
  return (c) => {
    let peer: string | undefined;
    try {
      peer = getConnInfo(c).remote.address;
    } catch {
      // Not served by @hono/node-server (app.request() in a test): no socket to ask.
      return 'unknown';
    }
    if (peer === undefined) return 'unknown';
    let address = plain(peer);
    if (trustedProxies.length === 0 || !isTrusted(address)) return address;
    const forwarded = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => plain(hop.trim())).filter((hop) => isIP(hop) !== 0);
    for (let i = forwarded.length - 1; i >= 0; i--) {
      address = forwarded[i] as string;
      if (!isTrusted(address)) return address;
    }
    return address;
  };
}

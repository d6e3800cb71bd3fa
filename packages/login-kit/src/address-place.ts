import { isIPv6 } from 'node:net';

/** The 16-bit groups a part of an IPv6 address spells; a dotted IPv4 tail (`::ffff:192.0.2.1`) is two. */
function groupsOf(part: string): number[] {
  if (part === '') return [];
  return part.split(':').flatMap((group) => {
    if (!group.includes('.')) return [Number.parseInt(group, 16)];
    const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
    return [(a << 8) | b, (c << 8) | d];
  });
}

/** The eight 16-bit groups of an address that `isIPv6` accepts, `::` filled and a zone (`%eth0`) dropped. */
function ipv6Groups(address: string): number[] {
  const [head = '', tail] = (address.split('%')[0] as string).split('::');
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * Where a client address counts from. An IPv6 address counts by its /64:
 * one subscriber, host or LAN holds a whole /64 and can take a new address
 * in it for every attempt, which would dodge the per-address limit and fill
 * the counter, which refuses new keys once full. An IPv4-mapped address
 * (`::ffff:192.0.2.1`) is its IPv4 address; an IPv4 address, or anything
 * that is not an IP address (`unknown`), counts whole.
 */
export function placeOf(address: string): string {
  if (!isIPv6(address)) return address;
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6], groups[7]].flatMap((group = 0) => [group >> 8, group & 0xff]).join('.');
  }
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`;
}

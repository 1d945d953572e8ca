import { isIP } from 'node:net';

/**
 * The key a client address is counted under. One IPv6 subscriber usually holds a whole /64
 * and can rotate through it at will, so IPv6 addresses count per /64; IPv4 per address.
 */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = withHexTail(address.toLowerCase()).split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** `…:1.2.3.4` is two groups written as IPv4; rewritten as hex so every group counts as one. */
function withHexTail(address: string): string {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  if (!dotted) return address;
  const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
  const hex = (high: number, low: number) => ((high << 8) | low).toString(16);
  return `${address.slice(0, dotted.index)}${hex(a, b)}:${hex(c, d)}`;
}

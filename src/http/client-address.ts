import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

import type { TrustProxySetting } from '../config/config.js';

export type AddressResolver = (req: IncomingMessage) => string;

/** `::ffff:1.2.3.4` is how an IPv4 client looks on a dual-stack socket; count it as 1.2.3.4. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/**
 * The client's address for per-address limits. X-Forwarded-For is written by the client
 * first and appended to by each proxy, so only its right end can be believed: the resolver
 * walks from the socket leftwards past trusted hops only. Anything further left is the
 * client's own claim, so a client rotating the header gets no fresh budget.
 */
export function clientAddressResolver(setting: TrustProxySetting): AddressResolver {
  const socketAddress = (req: IncomingMessage) => plainAddress(req.socket.remoteAddress ?? 'unknown');
  if (setting.kind === 'none') return socketAddress;
  const isTrustedHop = trustRule(setting);
  return (req) => {
    const hops = forwardedFor(req);
    let client = socketAddress(req);
    for (let passed = 0; hops.length > 0 && isTrustedHop(client, passed); passed++) {
      const next = hops.pop()!;
      if (isIP(next) === 0) break;
      client = next;
    }
    return client;
  };
}

/** Whether the hop at `address`, `passed` hops from the socket, is one of our own proxies. */
function trustRule(
  setting: Exclude<TrustProxySetting, { kind: 'none' }>,
): (address: string, passed: number) => boolean {
  if (setting.kind === 'hops') return (_address, passed) => passed < setting.hops;
  const list = blockList(setting.cidrs);
  return (address) => isIP(address) !== 0 && list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

function forwardedFor(req: IncomingMessage): string[] {
  const header = req.headers['x-forwarded-for'];
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  return raw
    .split(',')
    .map((part) => plainAddress(part.trim()))
    .filter((part) => part !== '');
}

function blockList(cidrs: string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address = '', prefix] = cidr.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/** The User-Agent for the audit trail: bounded, and only text a database keeps as is. */
export function userAgentOf(req: IncomingMessage): string | null {
  const agent = req.headers['user-agent'];
  if (agent === undefined || agent === '') return null;
  return agent.slice(0, 512).toWellFormed().replaceAll('\u0000', '');
}

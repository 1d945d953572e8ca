import type { IncomingMessage } from 'node:http';

import { describe, expect, it } from 'vitest';

import { addressKey } from '../../src/counter/address-key.js';
import { clientAddressResolver } from '../../src/http/client-address.js';

const request = (socket: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: socket },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  }) as IncomingMessage;

describe('clientAddressResolver', () => {
  it('uses the socket address and ignores X-Forwarded-For when no proxy is trusted', () => {
    const resolve = clientAddressResolver({ kind: 'none' });

    expect(resolve(request('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
  });

  it('unwraps IPv4-mapped IPv6 socket addresses', () => {
    expect(clientAddressResolver({ kind: 'none' })(request('::ffff:10.1.2.3'))).toBe('10.1.2.3');
  });

  it('with one trusted hop, takes the right-most forwarded address, never the client-written ones', () => {
    const resolve = clientAddressResolver({ kind: 'hops', hops: 1 });

    expect(resolve(request('10.0.0.2', 'spoofed, 1.1.1.1, 198.51.100.7'))).toBe('198.51.100.7');
    expect(resolve(request('10.0.0.2'))).toBe('10.0.0.2');
  });

  it('with two trusted hops, skips both proxies', () => {
    const resolve = clientAddressResolver({ kind: 'hops', hops: 2 });

    expect(resolve(request('10.0.0.2', '1.1.1.1, 198.51.100.7, 10.0.0.5'))).toBe('198.51.100.7');
  });

  it('with trusted networks, walks left only while the hop is inside them', () => {
    const resolve = clientAddressResolver({ kind: 'cidrs', cidrs: ['10.0.0.0/8', '2001:db8::/32'] });

    expect(resolve(request('10.0.0.2', '1.1.1.1, 198.51.100.7, 10.9.9.9'))).toBe('198.51.100.7');
    expect(resolve(request('192.0.2.50', '198.51.100.7'))).toBe('192.0.2.50');
    expect(resolve(request('2001:db8::1', '198.51.100.8'))).toBe('198.51.100.8');
  });

  it('stops at a forwarded entry that is not an address', () => {
    const resolve = clientAddressResolver({ kind: 'hops', hops: 3 });

    expect(resolve(request('10.0.0.2', '1.1.1.1, not-an-ip, 198.51.100.7'))).toBe('198.51.100.7');
  });
});

describe('addressKey', () => {
  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::99', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['1:2::3:4:5:1.2.3.4', '1:2:0:3::/64'],
    ['2001:db8:1:2::10.0.0.1', '2001:db8:1:2::/64'],
  ])('%s counts as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});

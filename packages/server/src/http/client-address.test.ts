import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addressResolver,
  forwardedFor,
  normalizeAddress,
  parseTrustProxy,
  rateKeyOf,
} from './client-address.js';

const xff = (value: string) => new Headers({ 'x-forwarded-for': value });
const fwd = (value: string) => new Headers({ forwarded: value });

test('addresses are normalised: mapped IPv4, brackets, ports, case', () => {
  assert.equal(normalizeAddress('::ffff:127.0.0.1'), '127.0.0.1');
  assert.equal(normalizeAddress(' 203.0.113.9:51234 '), '203.0.113.9');
  assert.equal(normalizeAddress('[2001:DB8::1]:4711'), '2001:db8::1');
  assert.equal(normalizeAddress('2001:DB8::1'), '2001:db8::1');
  assert.equal(normalizeAddress('_hidden'), '_hidden');
});

test('RFC 7239 Forwarded: for= of each element, quoted, with ports, unknown without', () => {
  assert.deepEqual(
    forwardedFor('for=192.0.2.60;proto=http;by=203.0.113.43, For="[2001:db8:cafe::17]:4711",proto=https'),
    ['192.0.2.60', '2001:db8:cafe::17', 'unknown'],
  );
  assert.deepEqual(forwardedFor('for="198.51.100.1:80", for=unknown, for="_gazonk"'), [
    '198.51.100.1',
    'unknown',
    '_gazonk',
  ]);
  assert.deepEqual(forwardedFor('for="a,b";proto=http'), ['a,b']);
  assert.deepEqual(forwardedFor(''), []);
});

test('without trust the headers are ignored', () => {
  const resolve = addressResolver(undefined);
  assert.equal(resolve('::ffff:127.0.0.1', xff('198.51.100.7')), '127.0.0.1');
  assert.equal(resolve('127.0.0.1', fwd('for=198.51.100.7')), '127.0.0.1');
});

test('hops: the n-th address from the right; forged entries on the left change nothing', () => {
  const one = addressResolver({ hops: 1 });
  assert.equal(one('127.0.0.1', xff('198.51.100.7')), '198.51.100.7');
  assert.equal(one('127.0.0.1', xff('6.6.6.6, 1.2.3.4, 198.51.100.7')), '198.51.100.7');
  assert.equal(one('127.0.0.1', new Headers()), '127.0.0.1');
  // Only the configured header is read: a Forwarded header the proxy does not write is the client's.
  assert.equal(one('127.0.0.1', new Headers({ forwarded: 'for=6.6.6.6' })), '127.0.0.1');
  const two = addressResolver({ hops: 2 });
  assert.equal(two('10.0.0.2', xff('6.6.6.6, 198.51.100.7, 10.0.0.1')), '198.51.100.7');
  assert.equal(two('10.0.0.2', xff('198.51.100.7')), '198.51.100.7');
  const rfc = addressResolver({ hops: 1, header: 'forwarded' });
  assert.equal(rfc('127.0.0.1', fwd('for=6.6.6.6, for="[2001:db8::5]:1234"')), '2001:db8::5');
  assert.equal(rfc('127.0.0.1', xff('6.6.6.6')), '127.0.0.1');
});

test('proxies: headers only from a trusted peer, read right to left past trusted proxies', () => {
  const resolve = addressResolver({ proxies: ['loopback', '10.0.0.0/8'] });
  assert.equal(resolve('127.0.0.1', xff('6.6.6.6, 198.51.100.7, 10.1.2.3')), '198.51.100.7');
  assert.equal(resolve('::1', xff('198.51.100.7')), '198.51.100.7');
  assert.equal(resolve('::ffff:10.0.0.9', xff('198.51.100.7')), '198.51.100.7');
  assert.equal(resolve('203.0.113.5', xff('198.51.100.7')), '203.0.113.5', 'an untrusted peer');
  assert.equal(resolve('127.0.0.1', xff('10.0.0.1, 10.0.0.2')), '10.0.0.1', 'all trusted: the leftmost');
  assert.equal(resolve('127.0.0.1', new Headers()), '127.0.0.1');
  const v6 = addressResolver({ proxies: ['2001:db8::/32'] });
  assert.equal(v6('2001:db8::1', xff('198.51.100.7')), '198.51.100.7');
});

test('--trust-proxy values', () => {
  assert.deepEqual(parseTrustProxy('1'), { hops: 1 });
  assert.deepEqual(parseTrustProxy('2', 'forwarded'), { hops: 2, header: 'forwarded' });
  assert.deepEqual(parseTrustProxy('loopback, 10.0.0.0/8,::1'), {
    proxies: ['loopback', '10.0.0.0/8', '::1'],
  });
  for (const bad of ['0', '17', 'proxy.local', '10.0.0.0/33', '10.0.0.0/8/1', '::1/129', ','])
    assert.throws(() => parseTrustProxy(bad), RangeError, bad);
});

test('signed-out clients are counted by IPv4 address or by IPv6 /64, however the address is spelled', () => {
  assert.equal(rateKeyOf('192.0.2.1'), '192.0.2.1');
  assert.equal(rateKeyOf('2001:db8:0:7:1::5'), '2001:db8:0:7::/64');
  assert.equal(rateKeyOf('2001:0DB8:0000:0007:ffff:ffff:ffff:ffff'), '2001:db8:0:7::/64');
  assert.equal(rateKeyOf('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(rateKeyOf('2001:db8:0:0:0:0:0:2'), rateKeyOf('2001:db8::1'));
  assert.notEqual(rateKeyOf('2001:db8:0:8::1'), rateKeyOf('2001:db8:0:7::1'));
  assert.equal(rateKeyOf('::1'), '0:0:0:0::/64');
  assert.equal(rateKeyOf('unknown'), 'unknown');
});

// Webhook addresses are typed by an organisation's admin, and the server posts to them from inside the
// platform's network: without a guard, `https://10.0.0.5/…` or a name that resolves to the metadata service
// (169.254.169.254) would make the platform call its own private services (server-side request forgery). The
// check runs on the address the connection actually uses (a lookup hook, not a lookup before the request), so
// a name that resolves to a public address when registered and to a private one later (DNS rebinding) is
// refused too. Development and tests post to receivers on this machine, so they opt in.
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/** Address ranges a webhook must not reach: this machine, private networks, link-local, multicast, reserved. */
const PRIVATE = (() => {
  const list = new BlockList();
  for (const [network, prefix] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 4],
    ['240.0.0.0', 4],
  ] as const)
    list.addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix] of [
    ['::', 128],
    ['::1', 128],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
    ['64:ff9b::', 96],
  ] as const)
    list.addSubnet(network, prefix, 'ipv6');
  return list;
})();

/**
 * Whether an IP address is one a webhook must not reach (IPv4-mapped IPv6 addresses are judged as IPv4).
 *
 * @example
 * ```ts
 * isPrivateAddress('169.254.169.254'); // true
 * isPrivateAddress('::ffff:10.0.0.1'); // true
 * isPrivateAddress('196.200.131.1'); // false
 * ```
 */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: refuse rather than guess
  return PRIVATE.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/** The error a refused target fails with; its message becomes the delivery's `lastError`. */
export class PrivateTargetError extends Error {
  readonly code = 'EPRIVATETARGET';
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a private or local address that webhooks may not reach`);
    this.name = 'PrivateTargetError';
  }
}

/**
 * Refuses a URL whose host is a literal private address (a literal is connected to without a lookup, so the
 * lookup hook would not see it). Names are judged by {@link guardedLookup} when the connection is made.
 *
 * @example
 * ```ts
 * checkLiteralTarget(new URL('https://10.0.0.5/hook')); // throws PrivateTargetError
 * ```
 */
export function checkLiteralTarget(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && isPrivateAddress(host)) throw new PrivateTargetError(url.hostname, host);
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for `http.request`/`https.request` that resolves as usual and fails when any address of the name
 * is private: the check is on the addresses the socket will connect to.
 *
 * @example
 * ```ts
 * https.request(url, { lookup: guardedLookup, method: 'POST' });
 * ```
 */
export function guardedLookup(
  hostname: string,
  options: LookupAllOptions | object,
  callback: LookupCallback,
): void {
  dnsLookup(hostname, { ...(options as object), all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    if (refused)
      return callback(new PrivateTargetError(hostname, refused.address) as NodeJS.ErrnoException, []);
    if ((options as { all?: boolean }).all) return callback(null, addresses);
    const first = addresses[0];
    if (!first)
      return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
    return callback(null, first.address, first.family);
  });
}

import { BlockList, isIP } from 'node:net';

/** The header a trusted reverse proxy appends the client address to. */
export type ProxyHeader = 'x-forwarded-for' | 'forwarded';

/**
 * Which reverse proxies to believe about the client address. Without it (the default) the forwarding
 * headers are ignored and the client is the socket's peer.
 *
 * - `{ hops: n }`: `n` proxies stand in front of the server, each appending the address it received the
 *   request from; the client is the `n`-th address from the right.
 * - `{ proxies: ['127.0.0.1', '10.0.0.0/8', 'loopback'] }`: the proxies' own addresses (CIDR ranges, single
 *   addresses, or `loopback`); when the socket's peer is one of them, the header is read from the right and
 *   the client is the first address that is not a trusted proxy.
 *
 * `header` names the header the proxies write: `x-forwarded-for` (nginx, Caddy, HAProxy, Traefik; the
 * default) or `forwarded` (RFC 7239). Only that one is read: a header the proxy does not write is the
 * client's to forge.
 */
export type TrustProxy =
  | { hops: number; header?: ProxyHeader }
  | { proxies: readonly string[]; header?: ProxyHeader };

/** Resolves the client address of a request from its socket peer and headers. */
export type AddressResolver = (peer: string, headers: Headers) => string;

/** Largest hop count accepted. */
export const MAX_PROXY_HOPS = 16;
/** Addresses read from one forwarding header at most (a longer header is read from its right end). */
const MAX_FORWARDED_ENTRIES = 64;

/**
 * An address as a rate-limit key: IPv4-mapped IPv6 (`::ffff:10.0.0.1`) becomes IPv4, brackets and ports are
 * dropped, IPv6 is lower-cased. Anything that is not an IP address (`unknown`, an RFC 7239 obfuscated
 * identifier) is kept as given, trimmed and cut to 100 characters.
 *
 * @example
 * ```ts
 * normalizeAddress('[2001:DB8::1]:4711'); // '2001:db8::1'
 * normalizeAddress('::ffff:127.0.0.1'); // '127.0.0.1'
 * ```
 */
export function normalizeAddress(raw: string): string {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(value);
  if (mapped?.[1]) value = mapped[1];
  if (isIP(value) === 6) return value.toLowerCase();
  return value.slice(0, 100);
}

/**
 * The key a client address is counted under by rate limits: an IPv4 address as it is, an IPv6 address by
 * its /64 network (one home connection holds a whole /64, so counting single addresses would give a client
 * a fresh budget per address), anything else as given.
 *
 * @example
 * ```ts
 * rateKeyOf('2001:db8:0:7:1::5'); // '2001:db8:0:7::/64'
 * rateKeyOf('2001:0DB8:0:7:ffff::1'); // '2001:db8:0:7::/64'
 * rateKeyOf('192.0.2.1'); // '192.0.2.1'
 * ```
 */
export function rateKeyOf(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  // An embedded IPv4 tail (`::1.2.3.4`) takes two groups; only the first four groups matter here anyway.
  const missing = 8 - left.length - right.length - (right.at(-1)?.includes('.') ? 1 : 0);
  const groups = [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right];
  const prefix = groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16));
  return `${prefix.join(':')}::/64`;
}

/**
 * The `for=` addresses of an RFC 7239 `Forwarded` header, leftmost first; an element without `for` gives
 * `unknown`.
 *
 * @example
 * ```ts
 * forwardedFor('for=192.0.2.60;proto=http, for="[2001:db8:cafe::17]:4711"'); // ['192.0.2.60', '2001:db8:cafe::17']
 * ```
 */
export function forwardedFor(header: string): string[] {
  // Split on `,` and `;` outside quoted strings: elements hold `name=value` pairs.
  const elements: string[][] = [[]];
  let part = '';
  let quoted = false;
  for (let i = 0; i < header.length; i++) {
    const ch = header[i] as string;
    if (quoted) {
      if (ch === '\\' && i + 1 < header.length) part += header[++i];
      else if (ch === '"') quoted = false;
      else part += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';' || ch === ',') {
      elements[elements.length - 1]?.push(part);
      part = '';
      if (ch === ',') elements.push([]);
    } else part += ch;
  }
  elements[elements.length - 1]?.push(part);
  const out: string[] = [];
  for (const pairs of elements) {
    if (pairs.every((pair) => pair.trim() === '')) continue;
    let address = 'unknown';
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      if (eq > 0 && pair.slice(0, eq).trim().toLowerCase() === 'for')
        address = normalizeAddress(pair.slice(eq + 1)) || 'unknown';
    }
    out.push(address);
  }
  return out;
}

/** The addresses of an `X-Forwarded-For` header, leftmost first. */
function xForwardedFor(header: string): string[] {
  return header
    .split(',')
    .map((part) => normalizeAddress(part))
    .filter((part) => part !== '');
}

/**
 * Reads a `--trust-proxy` value: a hop count (`1`), or comma-separated proxies (`127.0.0.1`, `10.0.0.0/8`,
 * `::1/128`, `loopback`). Throws a `RangeError` naming what is wrong.
 *
 * @example
 * ```ts
 * parseTrustProxy('1'); // { hops: 1 }
 * parseTrustProxy('loopback,10.0.0.0/8'); // { proxies: ['loopback', '10.0.0.0/8'] }
 * ```
 */
export function parseTrustProxy(value: string, header?: ProxyHeader): TrustProxy {
  const text = value.trim();
  const withHeader = header ? { header } : {};
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > MAX_PROXY_HOPS)
      throw new RangeError(`a hop count is from 1 to ${MAX_PROXY_HOPS}, not ${text}`);
    return { hops, ...withHeader };
  }
  const proxies = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (proxies.length === 0) throw new RangeError('give a hop count or proxy addresses');
  trustedProxies(proxies);
  return { proxies, ...withHeader };
}

function trustedProxies(proxies: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of proxies) {
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address = '', prefix, ...rest] = entry.split('/');
    const type = isIP(address);
    const bits = prefix === undefined ? (type === 4 ? 32 : 128) : Number(prefix);
    if (
      type === 0 ||
      rest.length > 0 ||
      (prefix !== undefined && !/^\d{1,3}$/.test(prefix)) ||
      bits > (type === 4 ? 32 : 128)
    )
      throw new RangeError(`"${entry}" is neither an address, a CIDR range nor "loopback"`);
    list.addSubnet(address, bits, type === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const type = isIP(address);
  return type !== 0 && list.check(address, type === 4 ? 'ipv4' : 'ipv6');
}

/**
 * A resolver of client addresses for {@link TrustProxy} (or the socket peer alone without it). The
 * result is a normalised address, or an opaque identifier a proxy gave in place of one.
 *
 * @example
 * ```ts
 * const resolve = addressResolver({ hops: 1 });
 * resolve('127.0.0.1', new Headers({ 'x-forwarded-for': '198.51.100.7, 203.0.113.9' })); // '203.0.113.9'
 * ```
 */
export function addressResolver(trust: TrustProxy | undefined): AddressResolver {
  if (!trust) return (peer) => normalizeAddress(peer);
  const header = trust.header ?? 'x-forwarded-for';
  const chain = (headers: Headers): string[] => {
    const value = headers.get(header);
    if (!value) return [];
    // Only the right end matters: that is where trusted proxies write.
    const tail = value.length > 8192 ? value.slice(value.length - 8192) : value;
    const entries = header === 'forwarded' ? forwardedFor(tail) : xForwardedFor(tail);
    return entries.slice(-MAX_FORWARDED_ENTRIES);
  };
  if ('hops' in trust) {
    const hops = trust.hops;
    if (!Number.isInteger(hops) || hops < 1 || hops > MAX_PROXY_HOPS)
      throw new RangeError(`trustProxy.hops is from 1 to ${MAX_PROXY_HOPS}`);
    return (peer, headers) => {
      const entries = chain(headers);
      if (entries.length === 0) return normalizeAddress(peer);
      // Fewer entries than hops: the request passed fewer proxies; the leftmost is the furthest known.
      return entries[Math.max(0, entries.length - hops)] as string;
    };
  }
  const list = trustedProxies(trust.proxies);
  return (peer, headers) => {
    const from = normalizeAddress(peer);
    if (!isTrusted(list, from)) return from;
    const entries = chain(headers);
    for (let i = entries.length - 1; i >= 0; i--) {
      const address = entries[i] as string;
      if (i === 0 || !isTrusted(list, address)) return address;
    }
    return from;
  };
}

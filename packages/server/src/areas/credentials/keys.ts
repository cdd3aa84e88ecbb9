// The platform's signing key: created on first use, kept in the database (so that every process of a
// deployment shares it), never in the repository. Certificates are signed RS256, the algorithm that every
// Open Badges 3.0 verifier must support; node:crypto signs, WebCrypto verifies (contract `verifyOpenBadgeJws`).
import { createHash, createPrivateKey, generateKeyPair, type KeyObject, sign } from 'node:crypto';
import { promisify } from 'node:util';
import type { JwkSet, PublicJwk } from '@nassij/contract';
import type { Db } from '../../db/db.js';

const generate = promisify(generateKeyPair);

/** What the keys sign: certificates (a later purpose would get its own key). */
const PURPOSE = 'credentials';

/** The current signing key. */
export interface SigningKey {
  kid: string;
  publicJwk: PublicJwk;
  privateKey: KeyObject;
}

interface KeyRow {
  kid: string;
  public_jwk: string;
  private_pkcs8: string;
}

function base64url(bytes: Uint8Array | string): string {
  return Buffer.from(bytes).toString('base64url');
}

/**
 * The RFC 7638 thumbprint of an RSA public key: its key id, the same wherever it is computed.
 *
 * @example
 * ```ts
 * jwkThumbprint({ kty: 'RSA', n: '…', e: 'AQAB' }); // 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs'
 * ```
 */
export function jwkThumbprint(jwk: { kty: string; n?: string; e?: string }): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}

async function currentRow(db: Db): Promise<KeyRow | undefined> {
  return await db.one<KeyRow>(
    'SELECT kid, public_jwk, private_pkcs8 FROM platform_keys WHERE purpose = ? AND retired_at IS NULL',
    [PURPOSE],
  );
}

// Keys read once per database: the private key's parsing is the costly part.
const loaded = new WeakMap<Db, SigningKey>();

/**
 * The current signing key, created at the first certificate or key request of a deployment (a 2048-bit RSA
 * key, generated off the event loop). Processes racing to create it all end with the one that was stored.
 * Call it outside a transaction.
 *
 * @example
 * ```ts
 * const key = await signingKey(db);
 * const jws = signJws({ alg: 'RS256', typ: 'JWT', kid: key.kid }, payload, key);
 * ```
 */
export async function signingKey(db: Db, now: Date = new Date()): Promise<SigningKey> {
  const cached = loaded.get(db);
  if (cached) return cached;
  let row = await currentRow(db);
  if (!row) {
    const { publicKey, privateKey } = await generate('rsa', { modulusLength: 2048 });
    const exported = publicKey.export({ format: 'jwk' });
    const kid = jwkThumbprint({ kty: 'RSA', n: exported.n, e: exported.e });
    const jwk: PublicJwk = {
      kty: 'RSA',
      kid,
      alg: 'RS256',
      use: 'sig',
      n: String(exported.n),
      e: String(exported.e),
    };
    await db.write(
      `INSERT INTO platform_keys (kid, purpose, algorithm, public_jwk, private_pkcs8, created_at)
       VALUES (?, ?, 'RS256', ?, ?, ?) ON CONFLICT DO NOTHING`,
      [
        kid,
        PURPOSE,
        JSON.stringify(jwk),
        privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
        now.toISOString(),
      ],
    );
    row = await currentRow(db);
    if (!row) throw new Error('No platform key could be stored');
  }
  const key: SigningKey = {
    kid: row.kid,
    publicJwk: JSON.parse(row.public_jwk) as PublicJwk,
    privateKey: createPrivateKey(row.private_pkcs8),
  };
  loaded.set(db, key);
  return key;
}

/**
 * The JWK Set of every key that signed certificates, current and retired (their certificates still verify).
 *
 * @example
 * ```ts
 * const jwks = await publicKeySet(db); // { keys: [{ kty: 'RSA', kid: '…', alg: 'RS256', use: 'sig', n, e }] }
 * ```
 */
export async function publicKeySet(db: Db): Promise<JwkSet> {
  await signingKey(db);
  const rows = await db.all<{ public_jwk: string }>(
    'SELECT public_jwk FROM platform_keys WHERE purpose = ? ORDER BY created_at, kid',
    [PURPOSE],
  );
  return { keys: rows.map((row) => JSON.parse(row.public_jwk) as PublicJwk) };
}

/**
 * A compact JWS (RFC 7515) of a JSON payload, signed RS256 with the key.
 *
 * @example
 * ```ts
 * signJws({ alg: 'RS256', typ: 'JWT', kid: key.kid }, { iss: 'https://nassij.ma' }, key); // 'eyJ….eyJ….…'
 * ```
 */
export function signJws(header: Record<string, unknown>, payload: unknown, key: SigningKey): string {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(signingInput), key.privateKey);
  return `${signingInput}.${base64url(signature)}`;
}

import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { type PasswordContext, type PasswordProblem, passwordProblems } from '@nassij/contract';
import { dictionary } from '@zxcvbn-ts/language-common';

const PARAMS = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/**
 * Hashes a password with scrypt and a random 16-byte salt: `scrypt$N$r$p$salt$hash` (base64url).
 *
 * @example
 * ```ts
 * const stored = await hashPassword('correct horse');
 * ```
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS, KEY_LENGTH);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

/** A valid hash of a random password, compared against when the account does not exist (same timing). */
let decoy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash in constant time. A missing or malformed hash is `false`
 * after the same work, so timing does not reveal whether an e-mail has an account.
 *
 * @example
 * ```ts
 * if (!(await verifyPassword(body.password, row?.password_hash))) throw problem('invalid_credentials');
 * ```
 */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  const parts = (stored ?? (await decoy)).split('$');
  const [scheme, n, r, p, salt, hash] = parts;
  if (parts.length !== 6 || scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(
    password,
    Buffer.from(salt, 'base64url'),
    { N: Number(n), r: Number(r), p: Number(p) },
    expected.length,
  );
  return timingSafeEqual(key, expected) && stored !== undefined;
}

let blocklist: Set<string> | undefined;

/**
 * Whether a password (NFC, lower case) is on the blocklist of common and breached passwords: the 49 233
 * most common passwords of breach corpora that `@zxcvbn-ts/language-common` ships (`passwords-common`).
 * Built at first use (about 20 ms) and kept; the list never reaches a browser.
 *
 * @example
 * ```ts
 * isBlockedPassword('passwordpassword'); // true
 * ```
 */
export function isBlockedPassword(folded: string): boolean {
  blocklist ??= new Set(dictionary['passwords-common'].map((word) => word.normalize('NFC').toLowerCase()));
  return blocklist.has(folded);
}

/**
 * Why a password chosen for an account is refused (empty when accepted): the contract's policy
 * ({@link passwordProblems}, NIST SP 800-63B rev. 4) with the server's blocklist.
 *
 * @example
 * ```ts
 * const [first] = newPasswordProblems(body.password, { email, displayName });
 * if (first) throw problem(first);
 * ```
 */
export function newPasswordProblems(
  password: string,
  context: Omit<PasswordContext, 'isBlocked'>,
): PasswordProblem[] {
  return passwordProblems(password, { ...context, isBlocked: isBlockedPassword });
}

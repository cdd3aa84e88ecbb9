import * as z from 'zod/mini';

/** The only currency the platform handles today (ISO 4217). */
export const CURRENCY = 'MAD' as const;

const DECIMAL = /^(0|[1-9]\d{0,14})(\.\d{1,2})?$/;

/**
 * An amount of money as a decimal string with at most two decimals, never a float, in MAD.
 * Amounts are non-negative; 999 999 999 999 999.99 MAD is the largest accepted.
 *
 * @example
 * ```ts
 * const maxAward: Money = { amount: '250000.00', currency: 'MAD' };
 * ```
 */
export const Money = /* @__PURE__ */ (() =>
  z.strictObject({
    amount: z
      .string()
      .check(
        z.regex(DECIMAL, { message: 'A decimal amount with at most two decimals, without sign or exponent' }),
      ),
    currency: z.literal(CURRENCY),
  }))();
export type Money = z.infer<typeof Money>;

/**
 * Whether `value` is a {@link Money}, as the schema decides, without zod (see `isRegionCode`).
 *
 * @example
 * ```ts
 * isMoney({ amount: '250000.00', currency: 'MAD' }); // true
 * ```
 */
export function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { amount, currency, ...rest } = value as Record<string, unknown>;
  return (
    Object.keys(rest).length === 0 &&
    typeof amount === 'string' &&
    DECIMAL.test(amount) &&
    currency === CURRENCY
  );
}

/**
 * Converts an amount to integer minor units (centimes), exactly.
 *
 * @example
 * ```ts
 * toMinorUnits({ amount: '12.5', currency: 'MAD' }); // 1250n
 * ```
 */
export function toMinorUnits(money: Money): bigint {
  const [whole = '0', fraction = ''] = money.amount.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

/**
 * Builds a {@link Money} from integer minor units (centimes).
 *
 * @example
 * ```ts
 * fromMinorUnits(1250n); // { amount: '12.50', currency: 'MAD' }
 * ```
 */
export function fromMinorUnits(minor: bigint | number): Money {
  const value = BigInt(minor);
  if (value < 0n) throw new RangeError('Money is never negative');
  const whole = value / 100n;
  const cents = (value % 100n).toString().padStart(2, '0');
  return { amount: `${whole}.${cents}`, currency: CURRENCY };
}

/**
 * Compares two amounts: negative when `a < b`, zero when equal, positive when `a > b`.
 *
 * @example
 * ```ts
 * compareMoney({ amount: '10', currency: 'MAD' }, { amount: '9.99', currency: 'MAD' }); // 1
 * ```
 */
export function compareMoney(a: Money, b: Money): number {
  const diff = toMinorUnits(a) - toMinorUnits(b);
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
}

import * as z from 'zod/mini';

/** An opaque, stable, URL-safe identifier. */
export const Id = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'Letters, digits, "-" and "_" only (at most 64)' }),
    ))();
export type Id = z.infer<typeof Id>;

/** A human readable public reference, such as `MA-MRP-2026-0012`. */
export const PublicReference = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^[A-Z0-9]+(-[A-Z0-9]+)+$/)))();
export type PublicReference = z.infer<typeof PublicReference>;

/**
 * The ISO 3166-2 codes of the 12 regions of Morocco (2015 division), in order.
 *
 * @example
 * ```ts
 * REGION_CODES.includes(code as RegionCode); // a type guard's test
 * ```
 */
export const REGION_CODES = [
  'MA-01',
  'MA-02',
  'MA-03',
  'MA-04',
  'MA-05',
  'MA-06',
  'MA-07',
  'MA-08',
  'MA-09',
  'MA-10',
  'MA-11',
  'MA-12',
] as const;

/**
 * ISO 3166-2 code of a Moroccan region (`MA-01` … `MA-12`): a union of the 12 codes, so that
 * `region: 'MA-13'` does not compile.
 *
 * @example
 * ```ts
 * const region: RegionCode = 'MA-06';
 * ```
 */
export type RegionCode = (typeof REGION_CODES)[number];

const REGION_CODE_PATTERN = /^MA-(0[1-9]|1[0-2])$/;

/**
 * Schema of a {@link RegionCode}. At run time it is the same pattern check as ever (same `invalid_format`
 * error and message, same OpenAPI `pattern`); only its static type is narrowed to the union, which a
 * regex cannot express.
 *
 * @example
 * ```ts
 * validate(RegionCode, 'MA-13').ok; // false: 'A Moroccan region code from MA-01 to MA-12'
 * ```
 */
export const RegionCode = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.regex(REGION_CODE_PATTERN, { message: 'A Moroccan region code from MA-01 to MA-12' }),
    ) as unknown as z.ZodMiniType<RegionCode, RegionCode>)();

/**
 * Whether `value` is a {@link RegionCode}: the schema's check without zod, for code that ships to browsers
 * (the application form checks answers as the server does, without downloading zod).
 *
 * @example
 * ```ts
 * isRegionCode('MA-09'); // true
 * ```
 */
export function isRegionCode(value: unknown): value is RegionCode {
  return typeof value === 'string' && REGION_CODE_PATTERN.test(value);
}

/** A code of the reference data (sector, domain, competency): lower-case words joined by `-`. */
export const Code = /* @__PURE__ */ (() => z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)))();
export type Code = z.infer<typeof Code>;

/** Longest {@link WebUrl} accepted. */
export const MAX_URL_LENGTH = 2048;

/**
 * A {@link WebUrl} holds none of these, anywhere: whitespace, C0 and C1 controls, and the invisible format
 * characters (bidi overrides and isolates, zero-width marks, BOM) that make a link read as another one.
 * Written as escapes so that the OpenAPI `pattern` is portable.
 */
const URL_TEXT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  /^[^\u0000-\u0020\u007f-\u00a0\u00ad\u061c\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufff9-\ufffb]*$/;

/**
 * An absolute http(s) URL, on write and on read. Other schemes (`javascript:`, `data:`, `vbscript:`, in any
 * case and whatever tabs, newlines or controls are slipped into them), relative references, whitespace,
 * controls and bidi characters are refused, so a link built from one is always safe to render; at most
 * {@link MAX_URL_LENGTH} characters.
 *
 * @example
 * ```ts
 * validate(WebUrl, 'https://tifawin.ma').ok; // true
 * validate(WebUrl, 'java\tscript:alert(1)').ok; // false
 * ```
 */
export const WebUrl = /* @__PURE__ */ (() =>
  z.url({ protocol: /^https?$/, message: 'An http or https address' }).check(
    z.maxLength(MAX_URL_LENGTH),
    z.regex(URL_TEXT, {
      message: 'An address without spaces, control or bidi characters',
    }),
  ))();
export type WebUrl = z.infer<typeof WebUrl>;

/** An e-mail address. */
export const Email = /* @__PURE__ */ (() => z.email())();
export type Email = z.infer<typeof Email>;

/**
 * An e-mail address as the platform stores and compares it: trimmed and lower-cased, so that sign-in, sign-up,
 * invitations, subscriptions and throttles all see `Amina@Example.ma ` as `amina@example.ma`.
 *
 * @example
 * ```ts
 * normaliseEmail(' Amina@Example.MA'); // 'amina@example.ma'
 * ```
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A Moroccan or international phone number, digits with an optional leading `+`. */
export const Phone = /* @__PURE__ */ (() => z.string().check(z.regex(/^\+?[0-9 ]{6,20}$/)))();
export type Phone = z.infer<typeof Phone>;

/** A content hash: `sha256:` followed by 64 hex digits. */
export const Sha256 = /* @__PURE__ */ (() => z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/)))();
export type Sha256 = z.infer<typeof Sha256>;

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

/** ISO 3166-2 code of a Moroccan region (`MA-01` … `MA-12`). */
export const RegionCode = /* @__PURE__ */ (() =>
  z
    .string()
    .check(z.regex(/^MA-(0[1-9]|1[0-2])$/, { message: 'A Moroccan region code from MA-01 to MA-12' })))();
export type RegionCode = z.infer<typeof RegionCode>;

/** A code of the reference data (sector, domain, competency): lower-case words joined by `-`. */
export const Code = /* @__PURE__ */ (() => z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)))();
export type Code = z.infer<typeof Code>;

/** An http(s) URL. Other schemes (`javascript:`, `data:`) are refused so links are always safe to render. */
export const WebUrl = /* @__PURE__ */ (() =>
  z.url({ protocol: /^https?$/, message: 'An http or https address' }))();
export type WebUrl = z.infer<typeof WebUrl>;

/** An e-mail address. */
export const Email = /* @__PURE__ */ (() => z.email())();
export type Email = z.infer<typeof Email>;

/** A Moroccan or international phone number, digits with an optional leading `+`. */
export const Phone = /* @__PURE__ */ (() => z.string().check(z.regex(/^\+?[0-9 ]{6,20}$/)))();
export type Phone = z.infer<typeof Phone>;

/** A content hash: `sha256:` followed by 64 hex digits. */
export const Sha256 = /* @__PURE__ */ (() => z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/)))();
export type Sha256 = z.infer<typeof Sha256>;

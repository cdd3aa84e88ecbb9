import * as z from 'zod/mini';
import { Email, Id, MAX_URL_LENGTH, Phone, Sha256, WebUrl } from '../shared/ids.js';
import { Instant } from '../shared/instant.js';
import { LocalizedText } from '../shared/localized-text.js';

/**
 * Whether `value` is an address a profile may link to: an absolute http or https URL, as {@link WebUrl}
 * decides (`javascript:`, `data:`, relative references, controls and bidi characters are refused).
 *
 * @example
 * ```ts
 * isSafeWebUrl('https://tifawin.ma'); // true
 * isSafeWebUrl('javascript:alert(1)'); // false
 * ```
 */
export function isSafeWebUrl(value: string): boolean {
  return WebUrl.safeParse(value).success;
}

/**
 * The website of a profile on write: an http or https address. Anything else (`javascript:`, `data:`…) is
 * refused with the field code `not_allowed`, so a form can say "this kind of address is not accepted"
 * rather than "wrong format".
 *
 * @example
 * ```ts
 * validate(ProfileWebsite, 'javascript:alert(1)'); // { ok: false, errors: [{ code: 'not_allowed', … }] }
 * ```
 */
export const ProfileWebsite = /* @__PURE__ */ (() =>
  z.string().check(
    z.trim(),
    z.maxLength(MAX_URL_LENGTH),
    z.refine(isSafeWebUrl, {
      message: 'Unsafe address: only http and https addresses are accepted',
      params: { code: 'not_allowed' },
    }),
  ))();
export type ProfileWebsite = z.infer<typeof ProfileWebsite>;

/**
 * The association's public e-mail and whether the public profile shows it.
 *
 * @example
 * ```ts
 * const email: ContactEmail = { value: 'contact@tifawin.ma', shown: true };
 * ```
 */
export const ContactEmail = /* @__PURE__ */ (() => z.strictObject({ value: Email, shown: z.boolean() }))();
export type ContactEmail = z.infer<typeof ContactEmail>;

/**
 * The association's phone number and whether the public profile shows it.
 *
 * @example
 * ```ts
 * const phone: ContactPhone = { value: '+212 528 86 00 00', shown: false };
 * ```
 */
export const ContactPhone = /* @__PURE__ */ (() => z.strictObject({ value: Phone, shown: z.boolean() }))();
export type ContactPhone = z.infer<typeof ContactPhone>;

/**
 * The association's postal address (per language) and whether the public profile shows it.
 *
 * @example
 * ```ts
 * const address: ContactAddress = { value: { fr: 'Quartier Tifawin, Tiznit' }, shown: true };
 * ```
 */
export const ContactAddress = /* @__PURE__ */ (() =>
  z.strictObject({ value: LocalizedText, shown: z.boolean() }))();
export type ContactAddress = z.infer<typeof ContactAddress>;

/**
 * Every contact of the association as its members see them, each with its visibility. Only the shown ones
 * are part of the public record (`Association.contact`).
 *
 * @example
 * ```ts
 * const contacts: ProfileContacts = { email: { value: 'contact@tifawin.ma', shown: true } };
 * ```
 */
export const ProfileContacts = /* @__PURE__ */ (() =>
  z.strictObject({
    email: z.optional(ContactEmail),
    phone: z.optional(ContactPhone),
    address: z.optional(ContactAddress),
  }))();
export type ProfileContacts = z.infer<typeof ProfileContacts>;

/** Media types a logo may have (sniffed from its bytes). */
export const LOGO_MEDIA_TYPES = ['image/png', 'image/jpeg'] as const;

/** Largest logo accepted, in bytes. */
export const MAX_LOGO_BYTES = 512 * 1024;

/**
 * The stored logo of an association: where the public reads it (`url`, relative to the API's origin, which
 * changes with the image so it may be cached long), its type, size and hash.
 *
 * @example
 * ```ts
 * const logo: AssociationLogo = { url: '/v1/associations/asso_12/logo?v=3fa2c1', mediaType: 'image/png',
 *   size: 18_204, sha256: `sha256:${'0'.repeat(64)}`, uploadedAt: '2026-03-02T08:00:00Z' };
 * ```
 */
export const AssociationLogo = /* @__PURE__ */ (() =>
  z.strictObject({
    url: z.string().check(z.minLength(1), z.maxLength(300)),
    mediaType: z.enum(LOGO_MEDIA_TYPES),
    size: z.number().check(z.int(), z.positive()),
    sha256: Sha256,
    uploadedAt: Instant,
  }))();
export type AssociationLogo = z.infer<typeof AssociationLogo>;

/**
 * The editable profile of an association as its members and the platform admins read it (hidden contacts
 * included); what `PATCH /v1/associations/{id}` answers, with its ETag.
 *
 * @example
 * ```ts
 * const profile: AssociationProfile = { associationId: 'asso_12', descriptions: { fr: 'Alphabétisation' },
 *   website: 'https://amal.ma', contacts: { phone: { value: '+212 528 00 00 00', shown: false } } };
 * ```
 */
export const AssociationProfile = /* @__PURE__ */ (() =>
  z.strictObject({
    associationId: Id,
    /** What the association does, in one or more languages. */
    descriptions: z.optional(LocalizedText),
    website: z.optional(WebUrl),
    contacts: ProfileContacts,
    logo: z.optional(AssociationLogo),
    /** When a member last changed it on the platform; absent for a record never edited. */
    updatedAt: z.optional(Instant),
  }))();
export type AssociationProfile = z.infer<typeof AssociationProfile>;

/**
 * Body of `PATCH /v1/associations/{associationId}`: only the fields sent change; `null` clears one (a
 * contact, the descriptions, the website or the logo). The logo itself is uploaded with
 * `PUT /v1/associations/{associationId}/logo`.
 *
 * @example
 * ```ts
 * const patch: AssociationProfilePatch = { descriptions: { ar: 'محو الأمية', fr: 'Alphabétisation' },
 *   website: 'https://amal.ma', contacts: { phone: { value: '+212 528 00 00 00', shown: false }, address: null } };
 * ```
 */
export const AssociationProfilePatch = /* @__PURE__ */ (() =>
  z.strictObject({
    descriptions: z.optional(z.nullable(LocalizedText)),
    website: z.optional(z.nullable(ProfileWebsite)),
    contacts: z.optional(
      z.strictObject({
        email: z.optional(z.nullable(ContactEmail)),
        phone: z.optional(z.nullable(ContactPhone)),
        address: z.optional(z.nullable(ContactAddress)),
      }),
    ),
    logo: z.optional(z.null()),
  }))();
export type AssociationProfilePatch = z.infer<typeof AssociationProfilePatch>;

// The editable profile of an association (issue 18): what its representative changes, kept in two places on
// purpose. The public record (`associations.data`, the contract's `Association`) holds only what the public
// may see: descriptions, website, the contacts marked shown and the logo's URL. `association_profiles` holds
// the rest: every contact with its visibility, the logo's stored file, who changed it last. A hidden contact
// therefore never reaches a public answer, whatever reads `associations.data`.
import type {
  Association,
  AssociationContact,
  AssociationProfile,
  AssociationProfilePatch,
  ProfileContacts,
} from '@nassij/contract';
import type { Db } from '../../db/db.js';
import { readAssociation, saveAssociation } from './store.js';

interface ProfileRow {
  association_id: string;
  contacts: string;
  logo_sha256: string | null;
  logo_media_type: string | null;
  logo_size: number | bigint | null;
  logo_uploaded_at: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** The stored logo of a profile, as `association_profiles` keeps it. */
export interface StoredLogo {
  /** `sha256:<hex>`. */
  sha256: string;
  mediaType: 'image/png' | 'image/jpeg';
  size: number;
  uploadedAt: string;
}

/**
 * Where the public reads an association's logo: the logo route with the start of the image's hash, so the URL
 * changes with the image and a browser may keep it long.
 *
 * @example
 * ```ts
 * logoUrlOf('asso_0001', 'sha256:3fa2…'); // '/v1/associations/asso_0001/logo?v=3fa2…' (16 hex digits)
 * ```
 */
export function logoUrlOf(associationId: string, sha256: string): string {
  return `/v1/associations/${encodeURIComponent(associationId)}/logo?v=${sha256.replace(/^sha256:/, '').slice(0, 16)}`;
}

/**
 * The contacts of the public record as the profile keeps them: all shown (a record never edited shows what
 * the directory was given).
 *
 * @example
 * ```ts
 * contactsFromPublic({ email: 'contact@amal.ma' }); // { email: { value: 'contact@amal.ma', shown: true } }
 * ```
 */
export function contactsFromPublic(contact: AssociationContact): ProfileContacts {
  return {
    ...(contact.email ? { email: { value: contact.email, shown: true } } : {}),
    ...(contact.phone ? { phone: { value: contact.phone, shown: true } } : {}),
    ...(contact.address ? { address: { value: contact.address, shown: true } } : {}),
  };
}

/**
 * The contacts the public sees: the shown ones.
 *
 * @example
 * ```ts
 * publicContactOf({ email: { value: 'a@b.ma', shown: true }, phone: { value: '+212 5', shown: false } });
 * // { email: 'a@b.ma' }
 * ```
 */
export function publicContactOf(contacts: ProfileContacts): AssociationContact {
  return {
    ...(contacts.email?.shown ? { email: contacts.email.value } : {}),
    ...(contacts.phone?.shown ? { phone: contacts.phone.value } : {}),
    ...(contacts.address?.shown ? { address: contacts.address.value } : {}),
  };
}

async function readProfileRow(db: Db, associationId: string): Promise<ProfileRow | undefined> {
  return await db.one<ProfileRow>('SELECT * FROM association_profiles WHERE association_id = ?', [
    associationId,
  ]);
}

function logoOf(row: ProfileRow | undefined): StoredLogo | undefined {
  if (!row?.logo_sha256 || !row.logo_media_type || !row.logo_uploaded_at) return undefined;
  return {
    sha256: row.logo_sha256,
    mediaType: row.logo_media_type as StoredLogo['mediaType'],
    size: Number(row.logo_size ?? 0),
    uploadedAt: row.logo_uploaded_at,
  };
}

/**
 * The stored logo of an association, or `undefined` when it has none.
 *
 * @example
 * ```ts
 * const logo = await readStoredLogo(db, 'asso_0001');
 * if (logo) bytes = await readStoredFile(dataDir, logo.sha256.slice(7));
 * ```
 */
export async function readStoredLogo(db: Db, associationId: string): Promise<StoredLogo | undefined> {
  return logoOf(await readProfileRow(db, associationId));
}

/** An association's record and its editable profile, as {@link readAssociationProfile} reads them. */
export interface ProfileState {
  association: Association;
  profile: AssociationProfile;
  logo: StoredLogo | undefined;
}

/**
 * The association's record and its editable profile (hidden contacts included), or `undefined` for an
 * unknown id.
 *
 * @example
 * ```ts
 * const state = await readAssociationProfile(db, 'asso_0001');
 * state?.profile.contacts.phone?.shown;
 * ```
 */
export async function readAssociationProfile(
  db: Db,
  associationId: string,
): Promise<ProfileState | undefined> {
  const association = await readAssociation(db, associationId);
  if (!association) return undefined;
  const row = await readProfileRow(db, associationId);
  const logo = logoOf(row);
  const profile: AssociationProfile = {
    associationId,
    ...(association.descriptions ? { descriptions: association.descriptions } : {}),
    ...(association.website ? { website: association.website } : {}),
    contacts: row ? (JSON.parse(row.contacts) as ProfileContacts) : contactsFromPublic(association.contact),
    ...(logo
      ? {
          logo: {
            url: logoUrlOf(associationId, logo.sha256),
            mediaType: logo.mediaType,
            size: logo.size,
            sha256: logo.sha256,
            uploadedAt: logo.uploadedAt,
          },
        }
      : {}),
    ...(row ? { updatedAt: row.updated_at } : {}),
  };
  return { association, profile, logo };
}

/**
 * The profile with a patch applied: fields absent from the patch stay, `null` clears one.
 *
 * @example
 * ```ts
 * applyProfilePatch(profile, { website: null, contacts: { phone: { value: '+212 528 00 00 00', shown: false } } });
 * ```
 */
export function applyProfilePatch(
  profile: AssociationProfile,
  patch: AssociationProfilePatch,
): { profile: AssociationProfile; logoRemoved: boolean } {
  const next: AssociationProfile = { ...profile, contacts: { ...profile.contacts } };
  if (patch.descriptions === null) delete next.descriptions;
  else if (patch.descriptions !== undefined) next.descriptions = patch.descriptions;
  if (patch.website === null) delete next.website;
  else if (patch.website !== undefined) next.website = patch.website;
  for (const key of ['email', 'phone', 'address'] as const) {
    const given = patch.contacts?.[key];
    if (given === null) delete next.contacts[key];
    else if (given !== undefined) (next.contacts as Record<string, unknown>)[key] = given;
  }
  const logoRemoved = patch.logo === null && profile.logo !== undefined;
  if (patch.logo === null) delete next.logo;
  return { profile: next, logoRemoved };
}

/**
 * Saves an edited profile: its private part in `association_profiles`, its public part in the association's
 * record (re-indexed for search, since descriptions are searched), in one transaction. `logo` is the stored
 * logo to keep (`undefined` removes it). Call it inside the caller's `db.atomic` with the audit line.
 *
 * @example
 * ```ts
 * await db.atomic(async () => {
 *   await saveAssociationProfile(db, state.association, profile, state.logo, { by: auth.id, at });
 *   await audit(db, { at: now, accountId: auth.id, action: 'association.update', … });
 * });
 * ```
 */
export async function saveAssociationProfile(
  db: Db,
  association: Association,
  profile: AssociationProfile,
  logo: StoredLogo | undefined,
  change: { by: string | null; at: string },
): Promise<void> {
  const {
    stats: _stats,
    descriptions: _descriptions,
    website: _website,
    logoUrl: _logoUrl,
    ...kept
  } = association;
  const record: Association = {
    ...kept,
    contact: publicContactOf(profile.contacts),
    ...(profile.website ? { website: profile.website } : {}),
    ...(profile.descriptions ? { descriptions: profile.descriptions } : {}),
    ...(logo ? { logoUrl: logoUrlOf(association.id, logo.sha256) } : {}),
  };
  await db.atomic(async () => {
    await db.write(
      `INSERT INTO association_profiles (association_id, contacts, logo_sha256, logo_media_type, logo_size,
         logo_uploaded_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (association_id) DO UPDATE SET contacts = excluded.contacts, logo_sha256 = excluded.logo_sha256,
         logo_media_type = excluded.logo_media_type, logo_size = excluded.logo_size,
         logo_uploaded_at = excluded.logo_uploaded_at, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
      [
        association.id,
        JSON.stringify(profile.contacts),
        logo?.sha256 ?? null,
        logo?.mediaType ?? null,
        logo?.size ?? null,
        logo?.uploadedAt ?? null,
        change.at,
        change.by,
      ],
    );
    await saveAssociation(db, record);
  });
}

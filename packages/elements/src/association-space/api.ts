import {
  type AssociationProfile,
  type AssociationProfilePatch,
  acceptInvitationRef,
  createClaimRef,
  getAssociationProfileRef,
  getVaultDocumentContentRef,
  handOverRef,
  inviteMemberRef,
  type Locale,
  type LocalizedText,
  listMembersRef,
  listVaultDocumentsRef,
  MAX_PAGE_SIZE,
  MEMBERSHIP_ROLES,
  type MembershipRole,
  myClaimsRef,
  removeMemberRef,
  removeVaultDocumentRef,
  updateAssociationRef,
  uploadAssociationLogoRef,
  uploadVaultDocumentRef,
  VAULT_DOCUMENT_KINDS,
  type VaultDocument,
  type VaultDocumentKind,
  YEARLY_VAULT_KINDS,
} from '@nassij/contract';
import { iterate, type RouteResult } from '@nassij/sdk';
import type { BaseClient } from '../base/client.js';

// The space's calls to the routes of issue 18 (claims and members, profile and vault), in one place: the
// views and writes call these, so a change of those routes is made here.

/** A role in an association: the representative acts in its name, the treasurer keeps its accounts. */
export type MemberRole = MembershipRole;

/** The roles, from the most rights to the fewest (the order of the invitation's choices). */
export const MEMBER_ROLES: readonly MemberRole[] = MEMBERSHIP_ROLES;

/** A member of the association, as the members list gives it. */
export type SpaceMember = RouteResult<typeof listMembersRef>['items'][number];

/** What the members list answers. */
export type MemberList = RouteResult<typeof listMembersRef>;

/** A claim of the signed-in account. */
export type ClaimSummary = RouteResult<typeof myClaimsRef>['items'][number];

/** Kinds of documents the vault keeps. */
export const DOCUMENT_KINDS: readonly VaultDocumentKind[] = VAULT_DOCUMENT_KINDS;
export type DocumentKind = VaultDocumentKind;
export type { VaultDocument };

/** Kinds that are filed per year (the year is asked for them). */
export const YEARLY_KINDS: readonly DocumentKind[] = YEARLY_VAULT_KINDS;

/** A contact detail as typed, and whether the public directory shows it. */
export interface ShownContact {
  value: string;
  shown: boolean;
}

/**
 * The profile as the representative edits it: descriptions per language, website, contacts each shown or
 * hidden (the address in the reader's language). Empty strings mean "remove".
 *
 * @example
 * ```ts
 * const draft: ProfileDraft = { description: { ar: 'نص', fr: 'Texte' }, website: 'https://amal.ma', contacts: {} };
 * ```
 */
export interface ProfileDraft {
  description: Partial<Record<Locale, string>>;
  website: string;
  contacts: Partial<Record<'email' | 'phone' | 'address', ShownContact>>;
}

/** The editable profile of an association (every contact, with whether it is shown). */
export type { AssociationProfile };

/**
 * The signed-in account's claims (newest first); none when the platform has no claims (an older server).
 *
 * @example
 * ```ts
 * const pending = (await myClaims(client)).filter((claim) => claim.state === 'pending');
 * ```
 */
export async function myClaims(client: BaseClient, signal?: AbortSignal): Promise<ClaimSummary[]> {
  try {
    return (await client.request(myClaimsRef, { signal })).items;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'not_found' || code === 'method_not_allowed') return [];
    throw error;
  }
}

/** The fields and files of a claim, as the form gathers them. */
export interface ClaimInput {
  kind: 'claim' | 'register';
  associationId?: string;
  receiptNumber: string;
  receiptDate: string;
  nameAr?: string;
  nameFr?: string;
  legalForm?: string;
  region?: string;
  domains?: string[];
  receipt: File;
  mandate: File;
}

/**
 * Sends a claim (multipart: its fields, the `receipt` and the `mandate`).
 *
 * @example
 * ```ts
 * await createClaim(client, { kind: 'claim', associationId, receiptNumber, receiptDate, nameAr, receipt, mandate });
 * ```
 */
export function createClaim(client: BaseClient, input: ClaimInput): Promise<ClaimSummary> {
  const form = new FormData();
  const { receipt, mandate, domains, ...fields } = input;
  for (const [key, value] of Object.entries(fields)) if (value) form.append(key, value);
  if (domains?.length) form.append('domains', domains.join(','));
  form.append('receipt', receipt, receipt.name);
  form.append('mandate', mandate, mandate.name);
  return client.transport.send(createClaimRef, {} as never, { make: () => form });
}

/**
 * The association's members, the representative first.
 *
 * @example
 * ```ts
 * const { items } = await listMembers(client, associationId);
 * ```
 */
export function listMembers(
  client: BaseClient,
  associationId: string,
  signal?: AbortSignal,
): Promise<MemberList> {
  return client.request(listMembersRef, { params: { associationId }, signal });
}

/**
 * Invites someone by e-mail with a role (the representative).
 *
 * @example
 * ```ts
 * await inviteMember(client, associationId, { email: 'amina@example.ma', role: 'treasurer' });
 * ```
 */
export async function inviteMember(
  client: BaseClient,
  associationId: string,
  body: { email: string; role: MemberRole },
): Promise<void> {
  await client.request(inviteMemberRef, { params: { associationId }, body });
}

/**
 * Accepts an invitation with the token of its e-mail link: the signed-in account (whose verified e-mail is the
 * invited address) joins the association with the invited role.
 *
 * @example
 * ```ts
 * await acceptInvitation(client, new URLSearchParams(location.search).get('invitation') ?? '');
 * ```
 */
export async function acceptInvitation(client: BaseClient, token: string): Promise<void> {
  await client.request(acceptInvitationRef, { params: { token } });
}

/**
 * Removes a member (the representative), or the signed-in account itself (leaving).
 *
 * @example
 * ```ts
 * await removeMember(client, associationId, accountId);
 * ```
 */
export async function removeMember(
  client: BaseClient,
  associationId: string,
  accountId: string,
): Promise<void> {
  await client.request(removeMemberRef, { params: { associationId, accountId } });
}

/**
 * Hands the representative's role over to another member.
 *
 * @example
 * ```ts
 * await handOver(client, associationId, memberAccountId);
 * ```
 */
export async function handOver(client: BaseClient, associationId: string, accountId: string): Promise<void> {
  await client.request(handOverRef, { params: { associationId }, body: { accountId } });
}

/**
 * The editable profile with its ETag (the profile form's `If-Match`).
 *
 * @example
 * ```ts
 * const { profile, etag } = await getProfile(client, associationId);
 * ```
 */
export async function getProfile(
  client: BaseClient,
  associationId: string,
  signal?: AbortSignal,
): Promise<{ profile: AssociationProfile; etag: string | undefined }> {
  const { data, etag } = await client.transport.opWithEtag(
    getAssociationProfileRef,
    { params: { associationId } },
    { signal },
  );
  return { profile: data, etag };
}

/** The text of a localized value in `locale`, else any. */
function textIn(value: LocalizedText | undefined, locale: Locale): string {
  if (!value) return '';
  return value[locale] ?? Object.values(value).find((v) => typeof v === 'string') ?? '';
}

/**
 * The profile form's starting point: the profile as it is (the address in the reader's language).
 *
 * @example
 * ```ts
 * host.draft = draftOf(profile, 'fr');
 * ```
 */
export function draftOf(profile: AssociationProfile | undefined, locale: Locale): ProfileDraft {
  const description: ProfileDraft['description'] = {};
  for (const [lang, value] of Object.entries(profile?.descriptions ?? {}))
    if (typeof value === 'string') description[lang as Locale] = value;
  const contacts = profile?.contacts ?? {};
  return {
    description,
    website: profile?.website ?? '',
    contacts: {
      email: { value: contacts.email?.value ?? '', shown: contacts.email?.shown ?? false },
      phone: { value: contacts.phone?.value ?? '', shown: contacts.phone?.shown ?? false },
      address: { value: textIn(contacts.address?.value, locale), shown: contacts.address?.shown ?? false },
    },
  };
}

/**
 * The PATCH body for a profile draft: what is empty is removed; the address typed replaces its text in the
 * reader's language and keeps the others.
 *
 * @example
 * ```ts
 * profilePatch(draft, profile, 'ar'); // { descriptions: { ar: '…' }, website: null, contacts: { … } }
 * ```
 */
export function profilePatch(
  draft: ProfileDraft,
  profile: AssociationProfile | undefined,
  locale: Locale,
): AssociationProfilePatch {
  const descriptions = Object.fromEntries(
    Object.entries(draft.description)
      .map(([lang, value]) => [lang, value?.trim() ?? ''])
      .filter(([, value]) => value !== ''),
  ) as LocalizedText;
  const { email, phone, address } = draft.contacts;
  const addressText = address?.value.trim() ?? '';
  return {
    descriptions: Object.keys(descriptions).length ? descriptions : null,
    website: draft.website.trim() || null,
    contacts: {
      email: email?.value.trim() ? { value: email.value.trim(), shown: email.shown } : null,
      phone: phone?.value.trim() ? { value: phone.value.trim(), shown: phone.shown } : null,
      address: addressText
        ? {
            value: { ...profile?.contacts.address?.value, [locale]: addressText } as LocalizedText,
            shown: address?.shown ?? false,
          }
        : null,
    },
  };
}

/**
 * Saves the profile with `If-Match`; a newer version on the server throws `NassijConflictError` (its
 * `etag` lets the form save over it on request).
 *
 * @example
 * ```ts
 * const { profile, etag: next } = await updateProfile(client, associationId, patch, etag);
 * ```
 */
export async function updateProfile(
  client: BaseClient,
  associationId: string,
  patch: AssociationProfilePatch,
  etag: string | undefined,
): Promise<{ profile: AssociationProfile; etag: string | undefined }> {
  const { data, etag: next } = await client.transport.opWithEtag(
    updateAssociationRef,
    { params: { associationId }, body: patch },
    { ifMatch: etag ?? '*' },
  );
  return { profile: data, etag: next };
}

/**
 * Replaces the association's logo (a PNG or JPEG image).
 *
 * @example
 * ```ts
 * await uploadLogo(client, associationId, input.files[0]);
 * ```
 */
export async function uploadLogo(client: BaseClient, associationId: string, file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file, file.name);
  await client.transport.send(uploadAssociationLogoRef, { params: { associationId } }, { make: () => form });
}

/**
 * Every document of the vault, page after page.
 *
 * @example
 * ```ts
 * const expired = (await listDocuments(client, associationId)).filter((doc) => doc.expired);
 * ```
 */
export async function listDocuments(
  client: BaseClient,
  associationId: string,
  signal?: AbortSignal,
): Promise<VaultDocument[]> {
  // The space shows the whole vault: it is paged (it grows every year), so follow it to the end.
  const documents: VaultDocument[] = [];
  const pages = iterate(
    client.transport,
    listVaultDocumentsRef,
    { limit: MAX_PAGE_SIZE },
    { params: { associationId }, signal },
  );
  for await (const document of pages) documents.push(document);
  return documents;
}

/** What the upload form gathers. */
export interface DocumentInput {
  kind: DocumentKind;
  year?: string;
  validUntil?: string;
  file: File;
}

/**
 * Adds a document to the vault (multipart: kind, year, valid until, file).
 *
 * @example
 * ```ts
 * await uploadDocument(client, associationId, { kind: 'statutes', file });
 * ```
 */
export function uploadDocument(
  client: BaseClient,
  associationId: string,
  { file, ...fields }: DocumentInput,
): Promise<VaultDocument> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value) form.append(key, value);
  form.append('file', file, file.name);
  return client.transport.send(uploadVaultDocumentRef, { params: { associationId } } as never, {
    make: () => form,
  });
}

/**
 * Removes a document from the vault.
 *
 * @example
 * ```ts
 * await removeDocument(client, associationId, documentId);
 * ```
 */
export async function removeDocument(
  client: BaseClient,
  associationId: string,
  documentId: string,
): Promise<void> {
  await client.request(removeVaultDocumentRef, { params: { associationId, documentId } });
}

/**
 * A vault document's bytes.
 *
 * @example
 * ```ts
 * const blob = await downloadDocument(client, associationId, documentId);
 * ```
 */
export function downloadDocument(
  client: BaseClient,
  associationId: string,
  documentId: string,
): Promise<Blob> {
  return client.request(getVaultDocumentContentRef, { params: { associationId, documentId } });
}

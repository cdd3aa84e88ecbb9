import { getAssociationRef, MAX_LOGO_BYTES, searchAssociationsRef } from '@nassij/contract';
import { isConflictError } from '@nassij/sdk';
import {
  acceptInvitation,
  createClaim,
  DOCUMENT_KINDS,
  type DocumentKind,
  downloadDocument,
  draftOf,
  handOver,
  inviteMember,
  type MemberRole,
  profilePatch,
  removeDocument,
  removeMember,
  updateProfile,
  uploadDocument,
  uploadLogo,
  YEARLY_KINDS,
} from './api.js';
import type {
  NassijAssociationSpace,
  NassijSpaceChangeDetail,
  SpaceData,
} from './nassij-association-space.js';

// The space's writes. Each runs with the host busy, shows the platform's refusal in the reader's language
// where it was asked, and keeps what the reader typed when it fails: only a write that succeeded resets its
// form. A success reloads the space, says what happened (in its section and in the live region) and fires
// `nassij-space-change`.

/** Media types a vault document or a claim's file may have (the server sniffs the bytes again). */
const DOCUMENT_TYPES = /^(application\/pdf|image\/(png|jpeg))$/;
/** Media types of a logo. */
const LOGO_TYPES = /^image\/(png|jpeg)$/;
/** A web address the profile accepts: http or https only (never `javascript:` or `data:`). */
const WEBSITE = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
/** An e-mail address, as loosely as the platform's own check. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Runs a write: busy meanwhile, its failure reported (`nassij-error`) and shown under `scope`. */
async function write<T>(
  host: NassijAssociationSpace,
  scope: string,
  request: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  host.busy = true;
  host.actionError = undefined;
  host.notice = undefined;
  try {
    return { ok: true, value: await request() };
  } catch (error) {
    host.actionError = { scope, code: host.reportFailure(error) };
    return { ok: false, error };
  } finally {
    host.busy = false;
  }
}

/** Focuses `selector` in the host once it has rendered. */
export async function focus(host: NassijAssociationSpace, selector: string): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

/** Says what a write did, in its section and in the live region, and tells the page. */
async function done(host: NassijAssociationSpace, scope: string, text: string, what: string): Promise<void> {
  const associationId = host.space?.association.id ?? '';
  host.emit<NassijSpaceChangeDetail>('nassij-space-change', { associationId, what });
  await host.refresh();
  host.notice = { scope, text };
  host.announcer.announce(text);
}

/** Sets our own validation's errors; focuses the first invalid field. Returns whether the form is valid. */
async function validate(host: NassijAssociationSpace, errors: Record<string, string>): Promise<boolean> {
  host.fieldErrors = errors;
  const first = Object.keys(errors)[0];
  if (first === undefined) return true;
  await focus(host, `#${CSS.escape(first)}`);
  return false;
}

/** The file chosen in a form's file input, if any. */
function fileOf(form: HTMLFormElement, name: string): File | undefined {
  const input = form.elements.namedItem(name) as HTMLInputElement | null;
  return input?.files?.[0] ?? undefined;
}

/** Why a file does not fit (a message key), or undefined. */
function fileProblem(file: File | undefined, types: RegExp, missing = 'as.fileMissing'): string | undefined {
  if (!file) return missing;
  return types.test(file.type) ? undefined : 'as.fileWrongType';
}

/** Opens the profile form with the record as it is, focusing its first field. */
export async function editProfile(host: NassijAssociationSpace, space: SpaceData): Promise<void> {
  host.draft = draftOf(space.profile.value, host.locale);
  host.editing = true;
  host.conflict = undefined;
  host.fieldErrors = {};
  host.actionError = undefined;
  host.notice = undefined;
  await focus(host, '#pf-description-ar');
}

/** Closes the profile form without saving, focus back on "Edit". */
export async function cancelProfile(host: NassijAssociationSpace): Promise<void> {
  host.editing = false;
  host.draft = undefined;
  host.conflict = undefined;
  host.fieldErrors = {};
  await focus(host, '#pf-edit');
}

/**
 * Saves the profile with `If-Match` (the version the form was opened on), then the logo if one was chosen.
 * A newer version on the server keeps the form as typed and offers to save over it (`overwrite`) or to
 * show the new version.
 */
export async function saveProfile(
  host: NassijAssociationSpace,
  space: SpaceData,
  form: HTMLFormElement,
  { overwrite = false } = {},
): Promise<void> {
  const draft = host.draft;
  const client = host.resolvedClient;
  if (!draft || !client) return;
  const errors: Record<string, string> = {};
  if (draft.website.trim() && !WEBSITE.test(draft.website.trim()))
    errors['pf-website'] = 'as.profile.websiteInvalid';
  const email = draft.contacts.email?.value.trim();
  if (email && !EMAIL.test(email)) errors['pf-email'] = 'as.profile.emailInvalid';
  const logo = fileOf(form, 'logo');
  if (logo && (!LOGO_TYPES.test(logo.type) || logo.size > MAX_LOGO_BYTES))
    errors['pf-logo'] = 'as.profile.logoInvalid';
  if (!(await validate(host, errors))) return;
  const associationId = space.association.id;
  const etag = overwrite ? host.conflict?.etag : space.etag;
  const saved = await write(host, 'profile', async () => {
    const patch = profilePatch(draft, space.profile.value, host.locale);
    const result = await updateProfile(client, associationId, patch, etag);
    if (logo) await uploadLogo(client, associationId, logo);
    return result;
  });
  if (!saved.ok) {
    if (isConflictError(saved.error)) {
      // Someone saved meanwhile: nothing typed here is lost; the reader chooses.
      host.actionError = undefined;
      host.conflict = { etag: saved.error.etag };
      host.announcer.announce(host.t('as.profile.conflict'));
      await focus(host, '#pf-conflict');
    }
    return;
  }
  host.editing = false;
  host.draft = undefined;
  host.conflict = undefined;
  await done(host, 'profile', host.t('as.profile.saved'), logo ? 'logo' : 'profile');
  await focus(host, '#pf-edit');
}

/** Drops the reader's edits for the newer version on the server (after a conflict). */
export async function reloadProfile(host: NassijAssociationSpace): Promise<void> {
  host.conflict = undefined;
  await host.refresh();
  if (host.space) host.draft = draftOf(host.space.profile.value, host.locale);
  await focus(host, '#pf-description-ar');
}

/** Adds a document to the vault: kind, year (for yearly reports), valid until, file. */
export async function addDocument(
  host: NassijAssociationSpace,
  space: SpaceData,
  event: SubmitEvent,
): Promise<void> {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const client = host.resolvedClient;
  if (!client) return;
  const data = new FormData(form);
  const kind = String(data.get('kind') ?? '') as DocumentKind;
  const yearText = String(data.get('year') ?? '').trim();
  const validUntil = String(data.get('validUntil') ?? '').trim();
  const file = fileOf(form, 'file');
  const errors: Record<string, string> = {};
  if (!DOCUMENT_KINDS.includes(kind)) errors['dc-kind'] = 'as.required';
  const yearly = YEARLY_KINDS.includes(kind);
  if ((yearly || yearText) && !/^(19|20)\d\d$/.test(yearText)) errors['dc-year'] = 'as.docs.yearInvalid';
  const problem = fileProblem(file, DOCUMENT_TYPES);
  if (problem) errors['dc-file'] = problem;
  if (!(await validate(host, errors)) || !file) return;
  const uploaded = await write(host, 'documents', () =>
    uploadDocument(client, space.association.id, {
      kind,
      ...(yearText ? { year: yearText } : {}),
      ...(validUntil ? { validUntil } : {}),
      file,
    }),
  );
  if (!uploaded.ok) return;
  form.reset();
  await done(host, 'documents', host.t('as.docs.uploaded', { name: file.name }), 'documents');
  await focus(host, '#dc-kind');
}

/** Removes a document once confirmed; focus goes to the vault's heading. */
export async function deleteDocument(
  host: NassijAssociationSpace,
  space: SpaceData,
  documentId: string,
  name: string,
): Promise<void> {
  const client = host.resolvedClient;
  if (!client) return;
  const removed = await write(host, `doc:${documentId}`, () =>
    removeDocument(client, space.association.id, documentId),
  );
  if (!removed.ok) return;
  host.confirming = undefined;
  await done(host, 'documents', host.t('as.docs.removed', { name }), 'documents');
  await focus(host, '#dc-heading');
}

/**
 * Downloads a vault document through the client (the reader's token goes with the request) and hands it to
 * the browser under its file name.
 */
export async function saveDocument(
  host: NassijAssociationSpace,
  space: SpaceData,
  documentId: string,
  fileName: string,
): Promise<void> {
  const client = host.resolvedClient;
  if (!client) return;
  const got = await write(host, `doc:${documentId}`, () =>
    downloadDocument(client, space.association.id, documentId),
  );
  if (!got.ok) return;
  const url = URL.createObjectURL(got.value);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  host.renderRoot.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Invites someone by e-mail with a role. */
export async function invite(
  host: NassijAssociationSpace,
  space: SpaceData,
  event: SubmitEvent,
): Promise<void> {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const client = host.resolvedClient;
  if (!client) return;
  const data = new FormData(form);
  const email = String(data.get('email') ?? '').trim();
  const role = String(data.get('role') ?? 'member') as MemberRole;
  if (!(await validate(host, EMAIL.test(email) ? {} : { 'mb-email': 'as.members.emailInvalid' }))) return;
  const sent = await write(host, 'invite', () => inviteMember(client, space.association.id, { email, role }));
  if (!sent.ok) return;
  form.reset();
  await done(host, 'members', host.t('as.members.sent', { email }), 'members');
  await focus(host, '#mb-email');
}

/** Removes a member once confirmed. */
export async function removeOne(
  host: NassijAssociationSpace,
  space: SpaceData,
  accountId: string,
  name: string,
): Promise<void> {
  const client = host.resolvedClient;
  if (!client) return;
  const removed = await write(host, `member:${accountId}`, () =>
    removeMember(client, space.association.id, accountId),
  );
  if (!removed.ok) return;
  host.confirming = undefined;
  await done(host, 'members', host.t('as.members.removed', { name }), 'members');
  await focus(host, '#mb-heading');
}

/** Leaves the association once confirmed: the account's associations are reloaded. */
export async function leave(host: NassijAssociationSpace, space: SpaceData): Promise<void> {
  const client = host.resolvedClient;
  const accountId = host.home?.accountId;
  if (!client || !accountId) return;
  const association = host.nameOf(space.association);
  const left = await write(host, 'leave', () => removeMember(client, space.association.id, accountId));
  if (!left.ok) return;
  host.confirming = undefined;
  host.emit<NassijSpaceChangeDetail>('nassij-space-change', {
    associationId: space.association.id,
    what: 'members',
  });
  host.associationId = undefined;
  await host.reloadHome();
  host.announcer.announce(host.t('as.members.left', { association }));
  await focus(host, '#as-title');
}

/** Hands the representative's role over to a member once confirmed. */
export async function handOverTo(
  host: NassijAssociationSpace,
  space: SpaceData,
  accountId: string,
  name: string,
): Promise<void> {
  const client = host.resolvedClient;
  if (!client) return;
  const handed = await write(host, 'handover', () => handOver(client, space.association.id, accountId));
  if (!handed.ok) return;
  host.confirming = undefined;
  host.emit<NassijSpaceChangeDetail>('nassij-space-change', {
    associationId: space.association.id,
    what: 'members',
  });
  // The account's role changed: its rights here too.
  await host.reloadHome();
  host.notice = { scope: 'members', text: host.t('as.members.handedOver', { name }) };
  host.announcer.announce(host.notice.text);
  await focus(host, '#mb-heading');
}

/**
 * Sends a claim: of an association of the directory (found by its receipt number and name), or the
 * registration of a new one; the receipt and the mandate go with it.
 */
export async function submitClaim(host: NassijAssociationSpace, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const client = host.resolvedClient;
  if (!client) return;
  const data = new FormData(form);
  const value = (key: string) => String(data.get(key) ?? '').trim();
  const kind = host.claimKind;
  const receiptNumber = value('receiptNumber');
  const receipt = fileOf(form, 'receipt');
  const mandate = fileOf(form, 'mandate');
  const errors: Record<string, string> = {};
  if (!receiptNumber) errors['cl-receiptNumber'] = 'as.required';
  if (!value('receiptDate')) errors['cl-receiptDate'] = 'as.required';
  if (kind === 'claim') {
    if (!value('name')) errors['cl-name'] = 'as.required';
  } else {
    if (!value('nameAr')) errors['cl-nameAr'] = 'as.required';
    if (!value('nameFr')) errors['cl-nameFr'] = 'as.required';
    if (!value('legalForm')) errors['cl-legalForm'] = 'as.required';
    if (!value('region')) errors['cl-region'] = 'as.required';
    if (data.getAll('domains').length === 0) errors['cl-domains'] = 'as.claim.domainsMissing';
  }
  const receiptProblem = fileProblem(receipt, DOCUMENT_TYPES);
  if (receiptProblem) errors['cl-receipt'] = receiptProblem;
  const mandateProblem = fileProblem(mandate, DOCUMENT_TYPES);
  if (mandateProblem) errors['cl-mandate'] = mandateProblem;
  if (!(await validate(host, errors)) || !receipt || !mandate) return;
  const sent = await write(host, 'claim', async () => {
    if (kind === 'register')
      return createClaim(client, {
        kind,
        receiptNumber,
        receiptDate: value('receiptDate'),
        nameAr: value('nameAr'),
        nameFr: value('nameFr'),
        legalForm: value('legalForm'),
        region: value('region'),
        domains: data.getAll('domains').map(String),
        receipt,
        mandate,
      });
    // The directory finds the association by its name; the receipt number tells which one it is (its
    // summaries carry no receipt number: the first few records are read to compare it).
    const name = value('name');
    const page = await client.request(searchAssociationsRef, { query: { q: name, limit: 10 } });
    const wanted = receiptNumber.toLowerCase();
    const records = await Promise.all(
      page.items.map((a) => client.request(getAssociationRef, { params: { associationId: a.id } })),
    );
    const found = records.find((a) => a.registrationNumber.toLowerCase() === wanted);
    if (!found) return 'not_found' as const;
    // The name as the registry has it, in the script typed (Arabic letters, or Latin for French).
    const arabic = /[\u0600-\u06FF]/.test(name);
    return createClaim(client, {
      kind,
      associationId: found.id,
      receiptNumber,
      receiptDate: value('receiptDate'),
      ...(arabic ? { nameAr: name } : { nameFr: name }),
      receipt,
      mandate,
    });
  });
  if (!sent.ok) return;
  if (sent.value === 'not_found') {
    await validate(host, { 'cl-name': 'as.claim.notFound' });
    return;
  }
  host.emit<NassijSpaceChangeDetail>('nassij-space-change', { associationId: '', what: 'claim' });
  await host.reloadHome();
  host.announcer.announce(host.t('as.claim.sent'));
  await focus(host, '#cl-pending');
}

/** Asks to confirm a removal (or leaving, a hand-over), focusing the confirmation's button. */
export async function askConfirmation(host: NassijAssociationSpace, key: string): Promise<void> {
  host.confirming = key;
  host.actionError = undefined;
  await focus(host, '.confirm [data-confirm]');
}

/** Drops the confirmation; focus goes back to the button that asked for it. */
export async function cancelConfirmation(host: NassijAssociationSpace, returnTo: string): Promise<void> {
  host.confirming = undefined;
  host.actionError = undefined;
  await focus(host, returnTo);
}

/**
 * Accepts the invitation of the e-mail link: joins, forgets the token (and takes it out of the page's address,
 * so a reload does not offer it again), opens the association joined and says so.
 */
export async function acceptInvitationOf(host: NassijAssociationSpace): Promise<void> {
  const client = host.resolvedClient;
  const token = host.invitation;
  if (!client || !token) return;
  const before = new Set(host.home?.memberships.map((m) => m.association.id) ?? []);
  const result = await write(host, 'invitation', () => acceptInvitation(client, token));
  if (!result.ok) {
    await focus(host, '.invitation .error');
    return;
  }
  host.invitation = undefined;
  forgetInvitationInAddress();
  const home = await host.homeResource.run();
  const joined = home?.memberships.find((m) => !before.has(m.association.id));
  if (joined) await host.open(joined.association.id);
  const text = host.t('as.invitation.accepted', { name: host.nameOf(joined?.association) });
  host.notice = { scope: 'home', text };
  host.announcer.announce(text);
  await focus(host, '#as-name');
}

/** Removes `invitation` from the page's address (the token is single-use; a reload must not show it again). */
function forgetInvitationInAddress(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('invitation')) return;
  url.searchParams.delete('invitation');
  window.history.replaceState(window.history.state, '', url);
}

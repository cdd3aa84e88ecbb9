import {
  type Account,
  type Consultation,
  compareConsultationVersionsRef,
  type DocumentVersion,
  getConsultationRef,
  getConsultationSynthesisRef,
  getConsultationVersionRef,
  type MyAssociation,
  myAssociationsRef,
  type VersionDiff,
} from '@nassij/contract';
import type { BaseClient } from '../base/client.js';

// What `<nassij-consultation>` loads, each through a ResourceController of the element (abort, stale answers
// ignored, errors reported): these functions only say what to ask for.

/** The text of one version and what changed against the previous one. */
export interface VersionView {
  text: DocumentVersion;
  diff: VersionDiff | undefined;
}

/** The signed-in reader, and in associations-only mode the associations they represent. */
export interface Who {
  account: Account;
  associations: MyAssociation[] | undefined;
}

/**
 * The consultation, with its synthesis once published (fetched apart when the answer lacks it); `published`
 * is called as soon as the answer says there is one.
 */
export async function fetchConsultation(
  client: BaseClient,
  consultationId: string,
  signal: AbortSignal,
  published?: () => void,
): Promise<Consultation> {
  const params = { consultationId };
  const data = await client.request(getConsultationRef, { params, signal });
  if (data.phase === 'synthesis_published') published?.();
  if (data.phase !== 'synthesis_published' || data.synthesis) return data;
  return { ...data, synthesis: await client.request(getConsultationSynthesisRef, { params, signal }) };
}

/** A version's text (the current one comes with the consultation) and its changes against the previous. */
export async function fetchVersion(
  client: BaseClient,
  data: Consultation,
  versionId: string | undefined,
  signal: AbortSignal,
): Promise<VersionView> {
  const id = versionId ?? data.currentVersionId;
  const params = { consultationId: data.id, versionId: id };
  const text =
    id === data.currentVersionId && data.text
      ? data.text
      : await client.request(getConsultationVersionRef, { params, signal });
  const previous = data.versions[data.versions.findIndex((v) => v.id === id) - 1];
  // What changed is a help to the reader: the text is shown without it when the comparison fails.
  const diff = previous
    ? await client
        .request(compareConsultationVersionsRef, { params, query: { against: previous.id }, signal })
        .catch(() => undefined)
    : undefined;
  return { text, diff };
}

/**
 * What changed in the text between an older version and the current one: for contributions written on that
 * version (their article modified or removed since, and the article's words when they were written).
 */
export async function fetchSince(
  client: BaseClient,
  data: Consultation,
  versionId: string,
  signal?: AbortSignal,
): Promise<VersionDiff> {
  const params = { consultationId: data.id, versionId: data.currentVersionId };
  return client.request(compareConsultationVersionsRef, {
    params,
    query: { against: versionId },
    ...(signal ? { signal } : {}),
  });
}

/** The signed-in account and, in associations-only mode, the associations it represents. */
export async function fetchWho(
  client: BaseClient,
  mode: Consultation['participationMode'] | undefined,
  signal: AbortSignal,
): Promise<Who> {
  const account = await client.auth.me();
  if (mode !== 'associations_only') return { account, associations: undefined };
  const mine = await client.request(myAssociationsRef, { signal });
  return { account, associations: mine.items.filter((m) => m.role === 'representative') };
}

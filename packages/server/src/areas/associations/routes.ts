import {
  type Account,
  getAssociation,
  getAssociationLogo,
  getAssociationProfile,
  LOGO_MEDIA_TYPES,
  MAX_LOGO_BYTES,
  type MyAssociation,
  myAssociations,
  searchAssociations,
  updateAssociation,
  uploadAssociationLogo,
} from '@nassij/contract';
import type { Context } from 'hono';
import { isAdmin, isMemberOf, isRepresentativeOf } from '../../auth/standing.js';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import type { ApiApp, Handler } from '../../http/app.js';
import { etagMatches, etagOf, requireIfMatch } from '../../http/etag.js';
import { problem } from '../../http/problem.js';
import {
  acceptedMediaType,
  deleteUnreferencedFilesSoon,
  readStoredFile,
  registerFileReferences,
  storeHeldFile,
} from '../applications/files.js';
import { searchDirectory } from './directory.js';
import {
  applyProfilePatch,
  type ProfileState,
  readAssociationProfile,
  readStoredLogo,
  type StoredLogo,
  saveAssociationProfile,
} from './profile.js';
import { publicAssociation, readAssociations, toSummary } from './store.js';

// A logo's bytes stay stored while a profile points at them.
registerFileReferences('association_profiles', 'logo_sha256');

/** Largest logo upload body: the logo cap plus multipart framing. */
const MAX_LOGO_BODY_BYTES = MAX_LOGO_BYTES + 16 * 1024;

/**
 * `GET /v1/associations`: one page of the public directory with its total and facets, in one statement
 * (see {@link searchDirectory}).
 *
 * @example
 * ```ts
 * app.bind(searchAssociations, searchAssociationsHandler);
 * ```
 */
export const searchAssociationsHandler: Handler<typeof searchAssociations> = async ({ db, query }) => ({
  body: await searchDirectory(db, query),
});

/**
 * `GET /v1/associations/{associationId}`: the public record with its stats; 404 for an unknown id.
 *
 * @example
 * ```ts
 * app.bind(getAssociation, getAssociationHandler);
 * ```
 */
export const getAssociationHandler: Handler<typeof getAssociation> = async ({ db, params }) => {
  const association = await publicAssociation(db, params.associationId);
  if (!association) throw problem('not_found', 'No such association');
  return { body: association };
};

/**
 * `GET /v1/me/associations`: the signed-in account's associations, in the order of its memberships, each
 * with the role it holds there; read in one query.
 *
 * @example
 * ```ts
 * app.bind(myAssociations, myAssociationsHandler);
 * ```
 */
export const myAssociationsHandler: Handler<typeof myAssociations> = async ({ db, auth }) => {
  const memberships = auth?.memberships ?? [];
  const byId = await readAssociations(
    db,
    memberships.map((membership) => membership.associationId),
  );
  const items: MyAssociation[] = [];
  for (const membership of memberships) {
    const association = byId.get(membership.associationId);
    if (association) items.push({ association: toSummary(association), role: membership.role });
  }
  return { body: { items } };
};

/** The association's record and profile, or `404`. */
async function profileState(db: Db, associationId: string): Promise<ProfileState> {
  const state = await readAssociationProfile(db, associationId);
  if (!state) throw problem('not_found', `No association ${associationId}`);
  return state;
}

/** Members of the association and platform admins read its profile; others get `403`. */
function requireProfileReader(auth: Account | null, associationId: string): void {
  if (!isMemberOf(auth, associationId) && !isAdmin(auth))
    throw problem('forbidden', 'Only members of the association and platform admins read its profile');
}

/** Its representative and platform admins edit the profile; others get `403`. */
function requireProfileEditor(auth: Account | null, associationId: string): void {
  if (!isRepresentativeOf(auth, associationId) && !isAdmin(auth))
    throw problem(
      'forbidden',
      'Only the representative of the association (or a platform admin) edits its profile',
    );
}

/**
 * `GET /v1/associations/{associationId}/profile`: the editable profile with its ETag, for members and admins.
 *
 * @example
 * ```ts
 * app.bind(getAssociationProfile, getAssociationProfileHandler);
 * ```
 */
export const getAssociationProfileHandler: Handler<typeof getAssociationProfile> = async ({
  db,
  params,
  auth,
}) => {
  const { profile } = await profileState(db, params.associationId);
  requireProfileReader(auth, params.associationId);
  return { body: profile, etag: etagOf(JSON.stringify(profile)) };
};

/**
 * Checks `If-Match` against the profile's ETag or the public record's (a client may edit from either):
 * `428` without one, `412` with the current profile when it matches neither.
 */
async function requireProfileMatch(c: Context, db: Db, state: ProfileState): Promise<void> {
  const profileTag = etagOf(JSON.stringify(state.profile));
  const record = await publicAssociation(db, state.association.id);
  const header = c.req.header('if-match');
  if (header && record && etagMatches(header, etagOf(JSON.stringify(record)))) return;
  requireIfMatch(c, profileTag, state.profile);
}

/**
 * `PATCH /v1/associations/{associationId}`: the representative (or an admin) edits the profile, with
 * `If-Match`; audited in the same transaction; the search index follows the descriptions.
 *
 * @example
 * ```ts
 * app.bind(updateAssociation, updateAssociationHandler(app));
 * ```
 */
export function updateAssociationHandler(app: ApiApp): Handler<typeof updateAssociation> {
  return async ({ db, params, auth, body, c, now, requestId, log }) => {
    await profileState(db, params.associationId);
    requireProfileEditor(auth, params.associationId);
    const at = now.toISOString();
    const saved = await db.atomic(async () => {
      // Read again inside the transaction: the If-Match check and the write see the same state.
      const current = await profileState(db, params.associationId);
      await requireProfileMatch(c, db, current);
      const { profile, logoRemoved } = applyProfilePatch(current.profile, body);
      await saveAssociationProfile(db, current.association, profile, logoRemoved ? undefined : current.logo, {
        by: auth?.id ?? null,
        at,
      });
      await audit(db, {
        at: now,
        accountId: auth?.id ?? null,
        action: 'association.update',
        targetType: 'association',
        targetId: params.associationId,
        requestId,
        details: { fields: Object.keys(body).sort() },
      });
      if (logoRemoved && current.logo)
        deleteUnreferencedFilesSoon(db, app.dataDir, [current.logo.sha256], log);
      return (await profileState(db, params.associationId)).profile;
    });
    return { body: saved, etag: etagOf(JSON.stringify(saved)) };
  };
}

/**
 * `PUT /v1/associations/{associationId}/logo`: a PNG or JPEG (judged from its bytes) of at most
 * {@link MAX_LOGO_BYTES}, replacing the previous logo, whose file goes once nothing else uses it.
 *
 * @example
 * ```ts
 * app.bind(uploadAssociationLogo, uploadLogoHandler(app), { maxBodyBytes, awaitsIo: true });
 * ```
 */
export function uploadLogoHandler(app: ApiApp): Handler<typeof uploadAssociationLogo> {
  return async ({ db, params, auth, files, now, requestId, log }) => {
    await profileState(db, params.associationId);
    requireProfileEditor(auth, params.associationId);
    const file = files.file;
    if (!file)
      throw problem('validation_failed', 'Attach the image in the "file" part', {
        errors: [
          { path: '/file', in: 'body', code: 'required', message: 'Attach the image in the "file" part' },
        ],
      });
    if (file.size > MAX_LOGO_BYTES)
      throw problem('file_too_large', `At most ${MAX_LOGO_BYTES} bytes for a logo`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const mediaType = acceptedMediaType(bytes, LOGO_MEDIA_TYPES);
    if (!mediaType) throw problem('file_type_not_allowed', `Accepted: ${LOGO_MEDIA_TYPES.join(', ')}`);
    const { hex, release } = await storeHeldFile(app.dataDir, bytes);
    const logo: StoredLogo = {
      sha256: `sha256:${hex}`,
      mediaType: mediaType as StoredLogo['mediaType'],
      size: bytes.byteLength,
      uploadedAt: now.toISOString(),
    };
    let replaced: string | undefined;
    try {
      await db.atomic(async () => {
        const current = await profileState(db, params.associationId);
        replaced = current.logo?.sha256;
        await saveAssociationProfile(db, current.association, current.profile, logo, {
          by: auth?.id ?? null,
          at: logo.uploadedAt,
        });
        await audit(db, {
          at: now,
          accountId: auth?.id ?? null,
          action: 'association.uploadLogo',
          targetType: 'association',
          targetId: params.associationId,
          requestId,
          details: { mediaType, size: bytes.byteLength },
        });
        if (replaced && replaced !== logo.sha256)
          deleteUnreferencedFilesSoon(db, app.dataDir, [replaced], log);
      });
    } finally {
      release();
    }
    const saved = (await profileState(db, params.associationId)).profile;
    return { body: saved, etag: etagOf(JSON.stringify(saved)) };
  };
}

/**
 * `GET /v1/associations/{associationId}/logo`: the image, public, with a strong ETag (its hash) and headers
 * that keep it an image wherever it is opened (no sniffing, a sandboxing CSP).
 *
 * @example
 * ```ts
 * app.bind(getAssociationLogo, associationLogoHandler(app), { awaitsIo: true });
 * ```
 */
export function associationLogoHandler(app: ApiApp): Handler<typeof getAssociationLogo> {
  return async ({ db, params, c }) => {
    const logo = await readStoredLogo(db, params.associationId);
    if (!logo) throw problem('not_found', 'This association has no logo');
    const etag = `"${logo.sha256.replace(/^sha256:/, '')}"`;
    const headers: Record<string, string> = {
      etag,
      // The URL the record gives changes with the image: a day of caching costs nothing.
      'cache-control': 'public, max-age=86400',
      'content-security-policy': "default-src 'none'; sandbox",
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'cross-origin',
    };
    if (etagMatches(c.req.header('if-none-match'), etag)) return new Response(null, { status: 304, headers });
    let bytes: Uint8Array;
    try {
      bytes = await readStoredFile(app.dataDir, logo.sha256.replace(/^sha256:/, ''));
    } catch {
      throw problem('not_found', 'The logo is no longer stored');
    }
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { ...headers, 'content-type': logo.mediaType, 'content-length': String(bytes.byteLength) },
    });
  };
}

/**
 * Binds the association routes: the public directory search, one public record with its stats, the
 * signed-in account's own associations, and the profile (read, edit, logo).
 *
 * @example
 * ```ts
 * registerAssociationRoutes(app);
 * ```
 */
export function registerAssociationRoutes(app: ApiApp): void {
  app.bind(searchAssociations, searchAssociationsHandler);
  app.bind(getAssociation, getAssociationHandler);
  app.bind(myAssociations, myAssociationsHandler);
  app.bind(getAssociationProfile, getAssociationProfileHandler);
  app.bind(updateAssociation, updateAssociationHandler(app));
  // Storing and reading the image await the disk: no transaction waits for it.
  app.bind(uploadAssociationLogo, uploadLogoHandler(app), {
    maxBodyBytes: MAX_LOGO_BODY_BYTES,
    awaitsIo: true,
  });
  app.bind(getAssociationLogo, associationLogoHandler(app), { awaitsIo: true });
}

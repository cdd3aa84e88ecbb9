import { randomUUID } from 'node:crypto';
import {
  type Account,
  casablancaDate,
  getVaultDocumentContent,
  listVaultDocuments,
  MAX_VAULT_DOCUMENT_BYTES,
  removeVaultDocument,
  uploadVaultDocument,
  VAULT_MEDIA_TYPES,
  type VaultDocument,
} from '@nassij/contract';
import { isAdmin, isMemberOf, isRepresentativeOf, isTreasurerOf } from '../../auth/standing.js';
import { audit } from '../../db/audit.js';
import type { Db } from '../../db/db.js';
import type { ApiApp, Handler } from '../../http/app.js';
import type { Logger } from '../../http/log.js';
import { problem } from '../../http/problem.js';
import {
  acceptedMediaType,
  deleteUnreferencedFiles,
  deleteUnreferencedFilesSoon,
  fileDownload,
  storedFileOr404,
  storeHeldFile,
} from '../applications/files.js';
import { cleanFileName } from '../applications/routes.js';
import { getScanner } from '../applications/scanner.js';
import { associationName } from '../associations/store.js';
import {
  asReadOn,
  deleteVaultDocument,
  insertVaultDocument,
  listVaultDocumentPage,
  readVaultDocument,
  recordVaultScanState,
  type StoredVaultDocument,
  syncReportsFiled,
} from './store.js';

/** Largest upload body: the vault's cap plus multipart framing. */
const MAX_VAULT_BODY_BYTES = MAX_VAULT_DOCUMENT_BYTES + 64 * 1024;

/** `404` for an unknown association, before any rights are judged. */
async function requireAssociation(db: Db, associationId: string): Promise<void> {
  if (!(await associationName(db, associationId)))
    throw problem('not_found', `No association ${associationId}`);
}

/**
 * Whether the account reads the association's vault: its members (any role) and platform admins. Funders
 * and reviewers see a vault document only as an attachment of an application that uses it.
 *
 * @example
 * ```ts
 * if (!readsVaultOf(auth, associationId)) throw problem('forbidden');
 * ```
 */
export function readsVaultOf(auth: Account | null, associationId: string): boolean {
  return isMemberOf(auth, associationId) || isAdmin(auth);
}

/**
 * Whether the account keeps the association's vault (adds and removes documents): its representative and
 * its treasurer.
 *
 * @example
 * ```ts
 * if (!keepsVaultOf(auth, associationId)) throw problem('forbidden');
 * ```
 */
export function keepsVaultOf(auth: Account | null, associationId: string): boolean {
  return isRepresentativeOf(auth, associationId) || isTreasurerOf(auth, associationId);
}

function requireReader(auth: Account | null, associationId: string): void {
  if (!readsVaultOf(auth, associationId))
    throw problem('forbidden', 'Only members of the association and platform admins read its documents');
}

function requireKeeper(auth: Account | null, associationId: string): void {
  if (!keepsVaultOf(auth, associationId))
    throw problem(
      'forbidden',
      'Only the representative and the treasurer of the association keep its documents',
    );
}

/** Scans a new vault document once the current tick is over and records the result (see `scanAttachmentSoon`). */
function scanVaultDocumentSoon(db: Db, document: StoredVaultDocument, bytes: Uint8Array, log: Logger): void {
  setImmediate(() => {
    void getScanner()
      .scan(bytes, document.mediaType)
      .catch(() => 'error' as const)
      .then(async (state) => {
        try {
          await recordVaultScanState(db, document.id, state);
        } catch (error) {
          log.warn('vault scan result not saved', { documentId: document.id, error: String(error) });
        }
      });
  });
}

/**
 * `GET /v1/associations/{associationId}/documents`: one page of the vault, with `expired` as of today in
 * Casablanca.
 *
 * @example
 * ```ts
 * app.bind(listVaultDocuments, listVaultDocumentsHandler);
 * ```
 */
export const listVaultDocumentsHandler: Handler<typeof listVaultDocuments> = async ({
  db,
  params,
  query,
  auth,
  now,
}) => {
  await requireAssociation(db, params.associationId);
  requireReader(auth, params.associationId);
  const today = casablancaDate(now);
  const page = await listVaultDocumentPage(db, params.associationId, query);
  return { body: { items: page.items.map((d) => asReadOn(d, today)), nextCursor: page.nextCursor } };
};

/**
 * `POST /v1/associations/{associationId}/documents`: a PDF or an image (judged from its bytes), stored once
 * by digest, added with its kind, year and validity, audited; the "annual reports filed" of the public
 * record follow in the same transaction. The scan runs after the answer (`pending` until then).
 *
 * @example
 * ```ts
 * app.bind(uploadVaultDocument, uploadVaultDocumentHandler(app), { maxBodyBytes, awaitsIo: true });
 * ```
 */
export function uploadVaultDocumentHandler(app: ApiApp): Handler<typeof uploadVaultDocument> {
  return async ({ db, params, auth, body, files, now, requestId, log }) => {
    await requireAssociation(db, params.associationId);
    requireKeeper(auth, params.associationId);
    const file = files.file;
    if (!file)
      throw problem('validation_failed', 'Attach the file in the "file" part', {
        errors: [
          { path: '/file', in: 'body', code: 'required', message: 'Attach the file in the "file" part' },
        ],
      });
    if (file.size > MAX_VAULT_DOCUMENT_BYTES)
      throw problem('file_too_large', `At most ${MAX_VAULT_DOCUMENT_BYTES} bytes for a document`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.byteLength === 0)
      throw problem('validation_failed', 'The file is empty', {
        errors: [{ path: '/file', in: 'body', code: 'required', message: 'The file is empty' }],
      });
    const mediaType = acceptedMediaType(bytes, VAULT_MEDIA_TYPES);
    if (!mediaType) throw problem('file_type_not_allowed', `Accepted: ${VAULT_MEDIA_TYPES.join(', ')}`);
    const { hex, release } = await storeHeldFile(app.dataDir, bytes);
    const document: StoredVaultDocument = {
      id: `vdoc_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
      associationId: params.associationId,
      kind: body.kind,
      ...(body.year !== undefined ? { year: Number(body.year) } : {}),
      ...(body.validFrom ? { validFrom: body.validFrom } : {}),
      ...(body.validUntil ? { validUntil: body.validUntil } : {}),
      fileName: cleanFileName(file.name),
      size: bytes.byteLength,
      mediaType: mediaType as VaultDocument['mediaType'],
      sha256: `sha256:${hex}`,
      scanState: 'pending',
      ...(auth ? { uploadedBy: auth.id } : {}),
      uploadedAt: now.toISOString(),
    };
    let stored = false;
    try {
      await db.atomic(async () => {
        await insertVaultDocument(db, document);
        await syncReportsFiled(db, params.associationId);
        await audit(db, {
          at: now,
          accountId: auth?.id ?? null,
          action: 'document.upload',
          targetType: 'association',
          targetId: params.associationId,
          requestId,
          details: {
            documentId: document.id,
            kind: document.kind,
            ...(document.year ? { year: document.year } : {}),
          },
        });
      });
      stored = true;
    } finally {
      release();
      // A refused write leaves no row: its bytes go unless something else uses them.
      if (!stored) await deleteUnreferencedFiles(db, app.dataDir, [document.sha256]);
    }
    scanVaultDocumentSoon(db, document, bytes, log);
    return { status: 201, body: asReadOn(document, casablancaDate(now)) };
  };
}

/**
 * `DELETE /v1/associations/{associationId}/documents/{documentId}`: removes the document, audited; the
 * "annual reports filed" follow. Its file goes once the removal commits, unless an application's attachment
 * (a submitted one keeps it for good) or another document uses the same bytes.
 *
 * @example
 * ```ts
 * app.bind(removeVaultDocument, removeVaultDocumentHandler(app));
 * ```
 */
export function removeVaultDocumentHandler(app: ApiApp): Handler<typeof removeVaultDocument> {
  return async ({ db, params, auth, now, requestId, log }) => {
    await requireAssociation(db, params.associationId);
    requireKeeper(auth, params.associationId);
    const removed = await db.atomic(async () => {
      const document = await readVaultDocument(db, params.associationId, params.documentId);
      if (!document || !(await deleteVaultDocument(db, params.associationId, params.documentId)))
        throw problem('not_found', `No document ${params.documentId}`);
      await syncReportsFiled(db, params.associationId);
      await audit(db, {
        at: now,
        accountId: auth?.id ?? null,
        action: 'document.remove',
        targetType: 'association',
        targetId: params.associationId,
        requestId,
        details: { documentId: document.id, kind: document.kind },
      });
      return document;
    });
    deleteUnreferencedFilesSoon(db, app.dataDir, [removed.sha256], log);
    return { status: 204 };
  };
}

/**
 * `GET /v1/associations/{associationId}/documents/{documentId}/content`: the file, for members and admins,
 * once its scan found it clean.
 *
 * @example
 * ```ts
 * app.bind(getVaultDocumentContent, vaultDocumentContentHandler(app), { awaitsIo: true });
 * ```
 */
export function vaultDocumentContentHandler(app: ApiApp): Handler<typeof getVaultDocumentContent> {
  return async ({ db, params, auth }) => {
    await requireAssociation(db, params.associationId);
    requireReader(auth, params.associationId);
    const document = await readVaultDocument(db, params.associationId, params.documentId);
    if (!document) throw problem('not_found', `No document ${params.documentId}`);
    if (document.scanState !== 'clean')
      throw problem(
        'invalid_state',
        `The file is ${document.scanState === 'pending' ? 'still being scanned' : 'not safe to open'}`,
      );
    return fileDownload(await storedFileOr404(app.dataDir, document.sha256, 'document'), document);
  };
}

/**
 * Binds the vault routes.
 *
 * @example
 * ```ts
 * registerAssociationDocumentRoutes(app);
 * ```
 */
export function registerAssociationDocumentRoutes(app: ApiApp): void {
  app.bind(listVaultDocuments, listVaultDocumentsHandler);
  // Storing and reading files await the disk: no transaction waits for it.
  app.bind(uploadVaultDocument, uploadVaultDocumentHandler(app), {
    maxBodyBytes: MAX_VAULT_BODY_BYTES,
    awaitsIo: true,
  });
  app.bind(removeVaultDocument, removeVaultDocumentHandler(app));
  app.bind(getVaultDocumentContent, vaultDocumentContentHandler(app), { awaitsIo: true });
}

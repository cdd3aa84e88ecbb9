import {
  getVaultDocumentContent,
  listVaultDocuments,
  MAX_VAULT_DOCUMENT_BYTES,
  removeVaultDocument,
  uploadVaultDocument,
  type VaultDocumentKind,
} from '@nassij/contract';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { RequestOptions, RouteResult } from '../types.js';
import { type UploadFile, type UploadProgress, uploadFile } from '../upload.js';

/**
 * The routes `client.documents` wraps (the attachment from the vault is `client.applications.attachFromVault`).
 */
export const documentsRoutes = [
  listVaultDocuments,
  uploadVaultDocument,
  removeVaultDocument,
  getVaultDocumentContent,
] as const;

/**
 * What {@link DocumentsArea.upload} takes besides the association id.
 *
 * @example
 * ```ts
 * const input: VaultUpload = { kind: 'financial_report', year: 2025, file };
 * ```
 */
export interface VaultUpload extends RequestOptions {
  kind: VaultDocumentKind;
  /** The year a report covers: required for activity and financial reports, refused for other kinds. */
  year?: number | undefined;
  /** First day the document is valid (`YYYY-MM-DD`). */
  validFrom?: string | undefined;
  /** Last day the document is valid (`YYYY-MM-DD`): after it, it is `expired` and applications refuse it. */
  validUntil?: string | undefined;
  /** A PDF or an image (a scan), at most 20 MB; the server judges the type from the bytes. */
  file: UploadFile;
  onProgress?: ((progress: UploadProgress) => void) | undefined;
}

/**
 * `client.documents`: an association's document vault (statutes, general-assembly minutes, yearly activity
 * and financial reports, bank certificates). Members read it; the representative and the treasurer keep it.
 *
 * @example
 * ```ts
 * const statutes = await client.documents.upload('asso_0001', { kind: 'statutes', file });
 * const { items } = await client.documents.list('asso_0001'); // the first page; `iterate` for all
 * await client.applications.attachFromVault(draft.id, { documentId: 'statutes', vaultDocumentId: statutes.id });
 * ```
 */
export interface DocumentsArea {
  /**
   * One page of the association's vault (members and admins), newest year first, each document with
   * `expired` as of today; pass `nextCursor` back as `cursor` for the next, or use {@link iterate}.
   *
   * @example
   * ```ts
   * const { items, nextCursor } = await client.documents.list('asso_0001', { limit: 50 });
   * ```
   */
  list(
    associationId: string,
    query?: PageQueryInput<typeof listVaultDocuments> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof listVaultDocuments>>;
  /**
   * Every document of the vault, page after page, fetched only as the loop asks; `.collect({ limit })`
   * gathers up to `limit` of them.
   *
   * @example
   * ```ts
   * const vault = await client.documents.iterate('asso_0001', { limit: 100 }).collect({ limit: 500 });
   * const expired = vault.filter((d) => d.expired);
   * ```
   */
  iterate(
    associationId: string,
    query?: PageQueryInput<typeof listVaultDocuments>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof listVaultDocuments>>;
  /**
   * Adds a document (representative or treasurer). Resolves with it, its scan `pending` until the server's
   * scanner is done.
   *
   * @example
   * ```ts
   * const report = await client.documents.upload('asso_0001', { kind: 'activity_report', year: 2025, file });
   * ```
   */
  upload(associationId: string, input: VaultUpload): Promise<RouteResult<typeof uploadVaultDocument>>;
  /**
   * Removes a document from the vault (representative or treasurer). Applications that use it keep it.
   *
   * @example
   * ```ts
   * await client.documents.remove('asso_0001', 'vdoc_000001');
   * ```
   */
  remove(associationId: string, documentId: string, options?: RequestOptions): Promise<void>;
  /**
   * The file of a document, as uploaded (a `Blob` with its media type), once its scan found it clean.
   *
   * @example
   * ```ts
   * const file = await client.documents.download('asso_0001', 'vdoc_000001');
   * ```
   */
  download(
    associationId: string,
    documentId: string,
    options?: RequestOptions,
  ): Promise<RouteResult<typeof getVaultDocumentContent>>;
}

/**
 * Builds `client.documents` over a transport.
 *
 * @example
 * ```ts
 * const documents = documentsArea(client.transport);
 * ```
 */
export function documentsArea(t: Transport): DocumentsArea {
  return {
    list: (associationId, query, options) =>
      t.op(listVaultDocuments, { params: { associationId }, query: query ?? {} }, options),
    iterate: (associationId, query, options) =>
      iterate(t, listVaultDocuments, query, { ...options, params: { associationId } }),
    upload: (associationId, { kind, year, validFrom, validUntil, file, onProgress, ...options }) =>
      uploadFile(t, uploadVaultDocument, {
        ...options,
        params: { associationId },
        file,
        fields: {
          kind,
          ...(year !== undefined ? { year: String(year) } : {}),
          ...(validFrom !== undefined ? { validFrom } : {}),
          ...(validUntil !== undefined ? { validUntil } : {}),
        },
        onProgress,
        // The type is judged by the server from the bytes; the size is checked before a byte is sent.
        rules: { maxBytes: MAX_VAULT_DOCUMENT_BYTES },
      }),
    remove: async (associationId, documentId, options) => {
      await t.op(removeVaultDocument, { params: { associationId, documentId } }, options);
    },
    download: (associationId, documentId, options) =>
      t.op(getVaultDocumentContent, { params: { associationId, documentId } }, options),
  };
}

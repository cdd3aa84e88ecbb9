import { ApplicationParams, Attachment } from '../resources/application.js';
import { AssociationParams } from '../resources/association.js';
import {
  AttachFromVault,
  UploadVaultDocument,
  VaultDocument,
  VaultDocumentList,
  VaultDocumentParams,
  VaultDocumentQuery,
} from '../resources/association-document.js';
import { route } from './route.js';

/** `GET /v1/associations/{associationId}/documents` — the association's document vault. */
export const listVaultDocuments = /* @__PURE__ */ (() =>
  route({
    id: 'documents.list',
    method: 'GET',
    path: '/v1/associations/{associationId}/documents',
    tag: 'documents',
    summary: "List the association's vault",
    description:
      'For members of the association and platform admins. Funders see a vault document only through an application that uses it. One page at a time (`limit`, `cursor`): newest year first, then by kind, the latest upload first.',
    auth: 'required',
    params: AssociationParams,
    query: VaultDocumentQuery,
    errors: ['validation_failed', 'forbidden', 'not_found'],
    response: { status: 200, schema: VaultDocumentList, description: 'One page of the vault' },
  }))();

/** `POST /v1/associations/{associationId}/documents` — add a document (multipart: `file`, `kind`, `year`…). */
export const uploadVaultDocument = /* @__PURE__ */ (() =>
  route({
    id: 'documents.upload',
    method: 'POST',
    path: '/v1/associations/{associationId}/documents',
    tag: 'documents',
    summary: 'Add a document to the vault',
    description:
      'By the representative or the treasurer. PDF or image only, judged from the content; at most 20 MB. Reports name their year.',
    auth: 'required',
    params: AssociationParams,
    body: UploadVaultDocument,
    bodyKind: 'multipart',
    idempotent: true,
    errors: ['forbidden', 'not_found', 'file_too_large', 'file_type_not_allowed', 'payload_too_large'],
    response: { status: 201, schema: VaultDocument, description: 'The stored document and its scan state' },
  }))();

/** `DELETE /v1/associations/{associationId}/documents/{documentId}` — remove a document from the vault. */
export const removeVaultDocument = /* @__PURE__ */ (() =>
  route({
    id: 'documents.remove',
    method: 'DELETE',
    path: '/v1/associations/{associationId}/documents/{documentId}',
    tag: 'documents',
    summary: 'Remove a document from the vault',
    description:
      'By the representative or the treasurer. Applications that use it keep their attachment: the file stays stored for them.',
    auth: 'required',
    params: VaultDocumentParams,
    idempotent: true,
    errors: ['forbidden', 'not_found'],
    response: { status: 204, description: 'Removed' },
  }))();

/** `GET /v1/associations/{associationId}/documents/{documentId}/content` — the file itself. */
export const getVaultDocumentContent = /* @__PURE__ */ (() =>
  route({
    id: 'documents.content',
    method: 'GET',
    path: '/v1/associations/{associationId}/documents/{documentId}/content',
    tag: 'documents',
    summary: 'Download a vault document',
    description:
      'For members of the association and platform admins; only files whose scan found them clean (409 otherwise).',
    auth: 'required',
    params: VaultDocumentParams,
    errors: ['forbidden', 'not_found', 'invalid_state'],
    response: { status: 200, contentType: 'application/octet-stream', description: 'The file, as uploaded' },
  }))();

/** `POST /v1/applications/{applicationId}/attachments/from-vault` — answer a document with a vault document. */
export const attachFromVault = /* @__PURE__ */ (() =>
  route({
    id: 'applications.attachFromVault',
    method: 'POST',
    path: '/v1/applications/{applicationId}/attachments/from-vault',
    tag: 'applications',
    summary: 'Attach a document from the vault',
    description:
      "The attachment references the vault document's stored file (no new upload; its scan state comes with it). Only a document of the application's own association; the call's size and type rules apply. Replaces the attachment of the same document. An expired document is attached but flagged: submitting refuses it (`document_expired`).",
    auth: 'required',
    params: ApplicationParams,
    body: AttachFromVault,
    idempotent: true,
    errors: [
      'forbidden',
      'not_found',
      'invalid_state',
      'validation_failed',
      'file_too_large',
      'file_type_not_allowed',
    ],
    response: { status: 201, schema: Attachment, description: 'The attachment' },
  }))();

/** The vault routes (the attachment from the vault is an applications route, listed here with them). */
export const associationDocumentRoutes = [
  listVaultDocuments,
  uploadVaultDocument,
  removeVaultDocument,
  getVaultDocumentContent,
  attachFromVault,
] as const;

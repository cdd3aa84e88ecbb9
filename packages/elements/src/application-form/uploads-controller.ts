import {
  type Attachment,
  attachFromVaultRef,
  fileTypeName,
  getApplicationRef,
  removeAttachmentRef,
  uploadAttachmentRef,
} from '@nassij/contract';
import { uploadFile } from '@nassij/sdk';
import type { ReactiveController } from 'lit';
import { fileSize } from '../i18n/file-size.js';
import type { NassijApplicationForm } from './nassij-application-form.js';

/** The state of one required document's upload: progress, or the code of a refusal with its words. */
export interface UploadState {
  progress?: number;
  error?: string;
  params?: Record<string, string>;
}

/**
 * The required documents of an application: checked against the call's rules before a byte is sent,
 * uploaded with progress, then asked about again until the virus scan is final; and removed.
 *
 * @example
 * ```ts
 * readonly documents = new UploadsController(this);
 * await this.documents.upload('statutes', file);
 * ```
 */
export class UploadsController implements ReactiveController {
  /** Per required document id. */
  state: Record<string, UploadState> = {};
  readonly #host: NassijApplicationForm;
  #poll: ReturnType<typeof setTimeout> | undefined;

  constructor(host: NassijApplicationForm) {
    this.#host = host;
    host.addController(this);
  }

  #set(documentId: string, state: UploadState): void {
    this.state = { ...this.state, [documentId]: state };
    this.#host.requestUpdate();
  }

  /** The accepted formats of a document, in words ("PDF or XLSX"). */
  formats(mediaTypes: readonly string[]): string {
    return this.#host.fmt.list(mediaTypes.map(fileTypeName), 'disjunction');
  }

  /** Uploads `file` for a required document, checked first against the call's rules. */
  async upload(documentId: string, file: File): Promise<void> {
    const host = this.#host;
    const client = host.resolvedClient;
    const application = host.application;
    const document = host.callData?.requiredDocuments.find((d) => d.id === documentId);
    if (!client || !application || !document) return;
    this.#set(documentId, { progress: 0 });
    try {
      const attachment = await uploadFile(client.transport, uploadAttachmentRef, {
        params: { applicationId: application.id },
        file,
        fields: { documentId },
        rules: { maxBytes: document.maxBytes, mediaTypes: document.mediaTypes },
        onProgress: ({ loaded, total }) => this.#set(documentId, { progress: total ? loaded / total : 0 }),
      });
      this.#attach(documentId, attachment);
      this.#set(documentId, {});
      host.errors = host.errors.filter((e) => !e.path.endsWith(`/${this.#fieldOf(documentId)}`));
      if (attachment.scanState === 'pending') this.#pollScan(application.id, 0);
    } catch (error) {
      const params = {
        type: file.type ? fileTypeName(file.type) : file.name,
        formats: this.formats(document.mediaTypes),
        size: fileSize(host.fmt, document.maxBytes),
      };
      this.#set(documentId, { error: host.reportFailure(error), params });
    }
  }

  /**
   * Answers a required document with a document of the association's vault: the server attaches the same
   * stored file (no upload) with its scan state, replacing any file attached before. Resolves with the
   * attachment, or `undefined` when the server refused (the refusal is in `state`, the draft untouched).
   */
  async fromVault(documentId: string, vaultDocumentId: string): Promise<Attachment | undefined> {
    const host = this.#host;
    const client = host.resolvedClient;
    const application = host.application;
    if (!client || !application) return undefined;
    this.#set(documentId, {});
    try {
      const attachment = await client.request(attachFromVaultRef, {
        params: { applicationId: application.id },
        body: { documentId, vaultDocumentId },
      });
      this.#attach(documentId, attachment);
      host.errors = host.errors.filter((e) => !e.path.endsWith(`/${this.#fieldOf(documentId)}`));
      if (attachment.scanState === 'pending') this.#pollScan(application.id, 0);
      return attachment;
    } catch (error) {
      this.#set(documentId, { error: host.reportFailure(error) });
      return undefined;
    }
  }

  /** Removes the file attached for a required document. */
  async remove(documentId: string): Promise<void> {
    const host = this.#host;
    const client = host.resolvedClient;
    const application = host.application;
    const attachment = application?.attachments.find((a) => a.documentId === documentId);
    if (!client || !application || !attachment) return;
    try {
      await client.request(removeAttachmentRef, {
        params: { applicationId: application.id, attachmentId: attachment.id },
      });
      this.#attach(documentId, undefined);
    } catch (error) {
      this.#set(documentId, { error: host.reportFailure(error) });
    }
  }

  #fieldOf(documentId: string): string {
    const field = this.#host.sections
      .flatMap((s) => s.fields)
      .find((f) => f.type === 'attachment' && f.documentId === documentId);
    return field?.id ?? documentId;
  }

  #attach(documentId: string, attachment: Attachment | undefined): void {
    const application = this.#host.application;
    if (!application) return;
    const others = application.attachments.filter((a) => a.documentId !== documentId);
    this.#host.application = { ...application, attachments: attachment ? [...others, attachment] : others };
  }

  /** Asks again until every scan is final (about a minute at most). */
  #pollScan(applicationId: string, attempt: number): void {
    if (attempt > 60) return;
    clearTimeout(this.#poll);
    this.#poll = setTimeout(async () => {
      const host = this.#host;
      const client = host.resolvedClient;
      if (!client || !host.isConnected) return;
      try {
        const fresh = await client.request(getApplicationRef, { params: { applicationId } });
        if (!host.application) return;
        host.application = { ...host.application, attachments: fresh.attachments };
        if (fresh.attachments.some((a) => a.scanState === 'pending'))
          this.#pollScan(applicationId, attempt + 1);
      } catch {
        this.#pollScan(applicationId, attempt + 1);
      }
    }, 1000);
  }

  hostDisconnected(): void {
    clearTimeout(this.#poll);
  }
}

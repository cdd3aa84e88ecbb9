import type { VaultDocument } from '@nassij/contract';
import { html, type nothing, type ReactiveController, type TemplateResult } from 'lit';
import { errorMessage } from '../base/states.js';
import type { NassijApplicationForm } from './nassij-application-form.js';

/** The picker: its view, the vault's loading and the rules of choice, loaded with its first use. */
type Picker = typeof import('./views/vault-picker.js');

/**
 * The association's document vault in the application form: which required document's picker is open,
 * the vault's documents once loaded, and the choice attached through the API (`attachments/from-vault`).
 * The picker itself (view, loading, which document fits which requirement) is a separate chunk loaded when
 * a picker first opens: most applicants never open one, and the form's bundle stays within its budget.
 *
 * @example
 * ```ts
 * readonly vault = new VaultController(this);
 * await this.vault.toggle('statutes');
 * await this.vault.choose('statutes', 'vdoc_000001');
 * ```
 */
export class VaultController implements ReactiveController {
  /** The vault's documents, once loaded. */
  items: VaultDocument[] | undefined;
  /** The association whose documents `items` are. */
  itemsOf: string | undefined;
  /** The code of a failed load. */
  error: string | undefined;
  loading = false;
  /** The required document whose picker is open. */
  open: string | undefined;
  /** The picker's module, once loaded. */
  picker: Picker | undefined;
  readonly #host: NassijApplicationForm;

  constructor(host: NassijApplicationForm) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.open = undefined;
  }

  /** Opens the picker of `documentId` (closing any other), or closes it; loads the vault the first time. */
  async toggle(documentId: string): Promise<void> {
    const host = this.#host;
    this.open = this.open === documentId ? undefined : documentId;
    host.requestUpdate();
    if (!this.open) return;
    try {
      this.picker ??= await import('./views/vault-picker.js');
    } catch (error) {
      // The chunk did not come (offline): said under the button; opening the picker again retries.
      this.error = host.reportFailure(error);
      host.requestUpdate();
      return;
    }
    await this.picker.loadVault(host);
  }

  /** Attaches vault document `vaultDocumentId` for `documentId`, closes the picker and focuses the result. */
  async choose(documentId: string, vaultDocumentId: string): Promise<void> {
    const host = this.#host;
    const attachment = await host.documents.fromVault(documentId, vaultDocumentId);
    if (!attachment) {
      // The refusal shows under the field; the picker stays open for another choice.
      await host.focusNext(`[data-document="${documentId}"] .upload-error`);
      return;
    }
    this.open = undefined;
    host.announcer.announce(host.t('af.vault.attached', { name: attachment.fileName }));
    await host.focusNext(`[data-document="${documentId}"] .attached`);
  }

  /** The open picker of the required document `documentId` (form field `fieldId`), or nothing. */
  render(documentId: string, fieldId: string): TemplateResult | typeof nothing | undefined {
    if (this.open !== documentId) return undefined;
    if (this.picker) return this.picker.renderVaultPicker(this.#host, documentId, fieldId);
    return this.error
      ? html`<p class="field-error" role="alert">${errorMessage(this.#host, this.error)}</p>`
      : undefined;
  }
}

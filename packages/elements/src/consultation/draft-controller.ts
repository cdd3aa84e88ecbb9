import type { ReactiveController } from 'lit';
import { type FormState, NEAR_LIMIT } from './model.js';
import type { NassijConsultation } from './nassij-consultation.js';
import {
  type AuthorFields,
  type Draft,
  draftKey,
  loadDraft,
  readAuthor,
  saveAuthor,
  saveDraft,
} from './storage.js';

/**
 * What the reader types in the contribution form, kept on the device as they type (storage.ts): one draft
 * per consultation, article and kind, and the author fields for next time. It also announces, once, when a
 * field nears its limit (screen readers do not hear the counter change).
 *
 * @example
 * ```ts
 * readonly drafts = new DraftController(this);
 * html`<form @input=${this.drafts.onInput}>…<textarea .value=${this.drafts.draftOf(form).body ?? ''}>`;
 * ```
 */
export class DraftController implements ReactiveController {
  /** The author fields typed last time. */
  author: AuthorFields = readAuthor();
  readonly #host: NassijConsultation;
  readonly #nearLimit = new Set<string>();

  constructor(host: NassijConsultation) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The storage key of a form's draft. */
  keyOf(form: FormState): string {
    return draftKey(this.#host.data?.id ?? '', form.articleId, form.kind);
  }

  /** The saved draft of a form (empty when none). */
  draftOf(form: FormState): Draft {
    return loadDraft(this.keyOf(form)) ?? {};
  }

  /** Saves the draft and the author fields as the reader types; re-renders the counters. */
  readonly onInput = (event: Event): void => {
    const host = this.#host;
    const form = event.currentTarget as HTMLFormElement | null;
    if (!host.form || !form) return;
    const values = new FormData(form);
    const text = (name: string) => String(values.get(name) ?? '');
    saveDraft(this.keyOf(host.form), {
      body: text('body'),
      proposedText: text('proposedText'),
      position: text('position'),
    });
    if (values.has('displayName')) {
      this.author = {
        displayName: text('displayName'),
        region: text('region'),
        participantType: values.get('participantType') === 'association' ? 'association' : 'citizen',
      };
      saveAuthor(this.author);
    }
    this.#checkLimits(form);
    host.requestUpdate();
  };

  #checkLimits(form: HTMLFormElement): void {
    for (const field of form.querySelectorAll<HTMLTextAreaElement>('textarea[maxlength]')) {
      const left = field.maxLength - field.value.length;
      const near = left <= field.maxLength * NEAR_LIMIT;
      if (near && !this.#nearLimit.has(field.name)) {
        this.#nearLimit.add(field.name);
        this.#host.announcer.announce(this.#host.t('cons.form.charsLeft', { count: left }));
      } else if (!near) this.#nearLimit.delete(field.name);
    }
  }
}

import {
  type CreateSubscription,
  createSubscriptionRef,
  DOMAINS,
  type FieldError,
  type LocalizedText,
  type Organisation,
  REGIONS,
  SECTORS,
  SUBSCRIPTION_CONFIRM_DAYS,
  type SubscriptionDigest,
  searchOrganisationsRef,
} from '@nassij/contract';
import { NassijApiError } from '@nassij/sdk';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement } from '../base/nassij-element.js';
import { plain } from '../base/states.js';
import {
  CALL_FILTERS,
  type CallFilter,
  checkInput,
  DIGESTS,
  fieldOfPath,
  type SubscribeField,
  type SubscribeInput,
  toRequest,
} from './request.js';
import { subscribeMessages } from './subscribe.messages.js';
import { subscribeStyles } from './subscribe.styles.js';
import { renderForm, renderSent } from './views.js';

/** Where the form stands: being filled in, on its way, or accepted (a confirmation link is on its way). */
export type SubscribeStatus = 'editing' | 'sending' | 'sent';

/**
 * `<nassij-subscribe>`: a small public form a site pastes beside its call list or a consultation, so that
 * anyone follows new calls (of a region, sector, funding organisation or domain, prefilled from the
 * attributes and editable) or one consultation by e-mail, immediately or as a daily or weekly digest. Double
 * opt-in: the platform mails a confirmation link and sends nothing else until it is opened; the answer shown
 * is the same whatever the address, so the form never tells who is subscribed. Errors are shown by field
 * (GOV.UK error summary) in the reader's language, and nothing typed is lost.
 *
 * Client mode: `api-base`, `client` or a provider. Without a client the element validates the address and
 * fires `nassij-subscribe` with the request, for the page to send.
 *
 * @tagname nassij-subscribe
 * @fires {CustomEvent<NassijSubscribeDetail>} nassij-subscribe - The platform accepted the request (without a client: the request to send). `detail`: the request, address included.
 * @fires {CustomEvent<NassijErrorDetail>} nassij-error - The request failed; `detail: { code }`.
 * @cssprop --nassij-subscribe-gap - Space between the parts of the form.
 * @csspart form - The form.
 * @csspart button - Buttons.
 * @csspart error-summary - The list of problems shown after a refused submit.
 * @csspart sent - The "check your mailbox" message.
 *
 * @example
 * ```html
 * <nassij-subscribe api-base="https://platform.example/api" region="MA-09" digest="weekly"></nassij-subscribe>
 * <nassij-subscribe api-base="https://platform.example/api" consultation="cons_0002"></nassij-subscribe>
 * ```
 */
export class NassijSubscribe extends NassijElement {
  static override properties = {
    region: {},
    sector: {},
    funder: {},
    domain: {},
    consultationId: { attribute: 'consultation' },
    digest: {},
    input: { state: true },
    errors: { state: true },
    status: { state: true },
    submitError: { state: true },
    organisations: { state: true },
  };
  static override messages = subscribeMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = subscribeStyles;

  /** Region code (ISO 3166-2:MA, `MA-09`) preselected for calls; the reader may change it. */
  declare region: string | undefined;
  /** Sector code (reference data) preselected for calls. */
  declare sector: string | undefined;
  /** Id of the funding organisation preselected for calls (`org_…`). */
  declare funder: string | undefined;
  /** Domain code (reference data) preselected for calls. */
  declare domain: string | undefined;
  /** A consultation's id: the form follows that consultation instead of calls (`consultation` attribute). */
  declare consultationId: string | undefined;
  /** The digest preselected: `immediate` (default), `daily` or `weekly`. */
  declare digest: SubscriptionDigest | undefined;
  /** What the reader typed and chose (kept through errors and after sending). */
  declare input: SubscribeInput;
  /** The errors shown, by JSON Pointer of the request (`/email`, `/filter/region`…). */
  declare errors: FieldError[];
  /** Where the form stands. */
  declare status: SubscribeStatus;
  /** The code of a failure that names no field (offline, rate limited…). */
  declare submitError: string | undefined;
  /** The funding organisations offered, once loaded. */
  declare organisations: Organisation[] | undefined;

  #loadOrganisations = false;

  constructor() {
    super();
    this.input = { email: '', region: '', sector: '', funder: '', domain: '', digest: 'immediate' };
    this.errors = [];
    this.status = 'editing';
  }

  protected override clientChanged(client: BaseClient | undefined): void {
    this.#loadOrganisations = client !== undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Attributes prefill the choices; a later change of one (a site's own filter) prefills again.
    const prefill: Partial<SubscribeInput> = {};
    for (const name of CALL_FILTERS) if (changed.has(name)) prefill[name] = this[name] ?? '';
    if (changed.has('digest') && this.digest && DIGESTS.includes(this.digest)) prefill.digest = this.digest;
    if (Object.keys(prefill).length) this.input = { ...this.input, ...prefill };
    if (this.#loadOrganisations && !this.consultationId) {
      this.#loadOrganisations = false;
      void this.#fetchOrganisations();
    }
  }

  async #fetchOrganisations(): Promise<void> {
    const client = this.resolvedClient;
    if (!client) return;
    try {
      const page = await client.request(searchOrganisationsRef, { query: { limit: 100 } });
      this.organisations = page.items;
    } catch (error) {
      // The form works without the list: a funder given by the page stays offered by its id.
      this.failureCode(error);
    }
  }

  /**
   * The choices of a call filter: every known value by name, and a prefilled unknown one by its code.
   *
   * @example
   * ```ts
   * form.choices('region')[8]; // ['MA-09', 'سوس ماسة']
   * ```
   */
  choices(filter: CallFilter): [code: string, name: string][] {
    const named: [string, string][] =
      filter === 'region'
        ? REGIONS.map((r) => [r.code, this.#name(r.name)])
        : filter === 'sector'
          ? SECTORS.map((s) => [s.code, this.#name(s.name)])
          : filter === 'domain'
            ? DOMAINS.map((d) => [d.code, this.#name(d.name)])
            : (this.organisations ?? []).map((o) => [o.id, this.#name(o.name)]);
    const value = this.input[filter];
    // Never drop what the page (or the reader) set: the server says whether it is known.
    if (value && !named.some(([code]) => code === value)) {
      // A funder is only known once the organisations have loaded: until then it is shown by its id alone.
      const pending = filter === 'funder' && this.organisations === undefined;
      named.push([value, pending ? value : this.t('sub.unknownChoice', { code: value })]);
    }
    return named;
  }

  #name(value: LocalizedText): string {
    return plain(this.locale, value);
  }

  /**
   * The errors shown at one part of the form.
   *
   * @example
   * ```ts
   * form.errorsAt('region').length; // 1 after the platform refused the region
   * ```
   */
  errorsAt(field: SubscribeField): FieldError[] {
    return this.errors.filter((error) => fieldOfPath(error.path) === field);
  }

  /**
   * An error in the reader's words: the form's own for the address and the choices, else the shared one.
   *
   * @example
   * ```ts
   * form.errorText({ path: '/email', code: 'required', message: '' }); // 'أدخلوا عنوان بريدكم الإلكتروني.'
   * ```
   */
  errorText(error: FieldError): string {
    const field = fieldOfPath(error.path);
    if (field === 'email')
      return error.code === 'required'
        ? this.t('sub.email.required')
        : this.t('sub.email.invalid', { example: 'name@example.ma' });
    if ((CALL_FILTERS as readonly string[]).includes(field) || field === 'consultation')
      return this.t('sub.choice.invalid');
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(error.params ?? {}))
      if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    const key = `field.${error.code}`;
    const message = this.t(key, params);
    return message === key ? this.t('field.invalid') : message;
  }

  /**
   * The label of a part of the form, for the error summary.
   *
   * @example
   * ```ts
   * form.labelOf('region'); // 'الجهة'
   * ```
   */
  labelOf(field: SubscribeField): string {
    if (field === 'email') return this.t('sub.email');
    if (field === 'digest') return this.t('sub.digest');
    if (field === 'consultation') return this.t('sub.consultation');
    if (field === 'request') return this.t('sub.request');
    return this.t(`sub.${field}`);
  }

  /**
   * Records a change of one control; its errors stay until the next submit (GOV.UK).
   *
   * @example
   * ```ts
   * form.change('digest', 'weekly');
   * ```
   */
  change(name: keyof SubscribeInput, value: string): void {
    this.input = { ...this.input, [name]: value };
  }

  /**
   * Validates, sends, and shows either the errors (focus on their summary) or the confirmation message.
   *
   * @example
   * ```ts
   * await form.submit();
   * form.status; // 'sent' once the platform accepted it
   * ```
   */
  async submit(): Promise<void> {
    if (this.status === 'sending') return;
    this.submitError = undefined;
    const problems = checkInput(this.input);
    if (problems.length) {
      this.errors = problems;
      await this.#focus('.error-summary');
      return;
    }
    const request = toRequest(this.input, this.locale, this.consultationId);
    const client = this.resolvedClient;
    if (!client) {
      this.errors = [];
      this.emit<NassijSubscribeDetail>('nassij-subscribe', request);
      await this.#sent();
      return;
    }
    this.status = 'sending';
    try {
      await client.request(createSubscriptionRef, { body: request });
      this.errors = [];
      this.emit<NassijSubscribeDetail>('nassij-subscribe', request);
      await this.#sent();
    } catch (error) {
      this.status = 'editing';
      const code = this.reportFailure(error);
      const fieldErrors = error instanceof NassijApiError ? error.fieldErrors : [];
      if (code === 'validation_failed' && fieldErrors.length) {
        this.errors = fieldErrors;
        await this.#focus('.error-summary');
      } else {
        this.errors = [];
        this.submitError = code;
        await this.#focus('.submit-error');
      }
    }
  }

  async #sent(): Promise<void> {
    this.status = 'sent';
    await this.#focus('.sent h3');
  }

  /**
   * Back to the form, everything typed still there (another address, other choices).
   *
   * @example
   * ```ts
   * await form.edit();
   * ```
   */
  async edit(): Promise<void> {
    this.status = 'editing';
    await this.#focus('#sub-email');
  }

  /**
   * Moves focus to the control of a summary's link.
   *
   * @example
   * ```ts
   * form.focusField('region');
   * ```
   */
  focusField(field: SubscribeField): void {
    const id = field === 'digest' ? 'sub-digest-0' : `sub-${field}`;
    const target =
      this.renderRoot.querySelector<HTMLElement>(`#${id}`) ??
      this.renderRoot.querySelector<HTMLElement>('#sub-h');
    target?.focus();
    target?.scrollIntoView?.({ block: 'center' });
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /**
   * Days the confirmation link stays good, said in the message.
   *
   * @example
   * ```ts
   * form.confirmDays; // 7
   * ```
   */
  get confirmDays(): number {
    return SUBSCRIPTION_CONFIRM_DAYS;
  }

  override render(): TemplateResult {
    const kind = this.consultationId ? 'consultation' : 'calls';
    return html`<section aria-labelledby="sub-h">
      <h2 id="sub-h" tabindex="-1">${this.t(`sub.title.${kind}`)}</h2>
      <p>${this.t(`sub.intro.${kind}`)}</p>
      ${this.status === 'sent' ? renderSent(this) : renderForm(this)}
    </section>`;
  }
}

/** `detail` of `nassij-subscribe`: the request as sent (or, without a client, to send), address included. */
export type NassijSubscribeDetail = CreateSubscription;

/**
 * The events `<nassij-subscribe>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * form.addEventListener('nassij-subscribe', (event) => log(event.detail.filter.kind, event.detail.digest));
 * ```
 */
export interface NassijSubscribeEventMap {
  'nassij-subscribe': CustomEvent<NassijSubscribeDetail>;
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-subscribe': NassijSubscribe;
  }
  interface GlobalEventHandlersEventMap extends NassijSubscribeEventMap {}
}

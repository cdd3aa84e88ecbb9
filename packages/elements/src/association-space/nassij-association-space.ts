import {
  type ApplicationSummary,
  type Association,
  type AwardReport,
  associationCompetenciesRef,
  type CompetencyRecord,
  type Course,
  getAssociationRef,
  getCourseRef,
  listApplicationsRef,
  listAssociationReportsRef,
  listRegistrationsRef,
  type MyAssociation,
  myAssociationsRef,
  type Registration,
} from '@nassij/contract';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { BaseClient } from '../base/client.js';
import { NassijElement } from '../base/nassij-element.js';
import { ResourceController } from '../base/resource.js';
import { SignInController } from '../base/sign-in.js';
import { errorCodeOf, LiveAnnouncer, lazy, plain, renderLoading } from '../base/states.js';
import {
  type AssociationProfile,
  type ClaimSummary,
  getProfile,
  listDocuments,
  listMembers,
  type MemberList,
  type MemberRole,
  myClaims,
  type ProfileDraft,
  type VaultDocument,
} from './api.js';
import { associationSpaceMessages } from './association-space.messages.js';
import { associationSpaceStyles } from './association-space.styles.js';

// The space's views and writes load with its first request, the claim form only for an account with no
// association: the first download is the element's shell.
const spaceViews = lazy(() => import('./views/space.js'));
const claimView = lazy(() => import('./views/claim.js'));
const invitationView = lazy(() => import('./views/invitation.js'));

/** The sections of the space, in tab order. */
export const SPACE_SECTIONS = [
  'profile',
  'documents',
  'members',
  'applications',
  'reports',
  'trainings',
] as const;
export type SpaceSection = (typeof SPACE_SECTIONS)[number];

/** A part of the space loaded on its own: its value, or the code of its failure. */
export interface SpacePart<T> {
  value?: T;
  error?: string;
}

/**
 * What the signed-in account has: its memberships (each with its role) and its claims.
 *
 * @example
 * ```ts
 * const home: SpaceHome = { accountId: 'acc_3', memberships: [{ association, role: 'representative' }], claims: [] };
 * ```
 */
export interface SpaceHome {
  accountId?: string;
  memberships: MyAssociation[];
  claims: ClaimSummary[];
}

/**
 * One association's space as its member sees it. Each part is loaded on its own, so a part the platform
 * cannot give (yet) does not hide the others.
 *
 * @example
 * ```ts
 * const space: SpaceData = { association, profile: { value: profile }, role: 'member', members: { value: { items: [] } }, documents: { value: [] },
 *   applications: { value: [] }, reports: { value: [] }, registrations: { value: [] }, courses: {} };
 * ```
 */
export interface SpaceData {
  /** The public record, as the directory shows it. */
  association: Association;
  /** The editable profile (every contact, shown or not), for the association's members. */
  profile: SpacePart<AssociationProfile>;
  /** The profile's ETag: the version the profile form edits (`If-Match`). */
  etag?: string;
  role: MemberRole;
  members: SpacePart<MemberList>;
  documents: SpacePart<VaultDocument[]>;
  applications: SpacePart<ApplicationSummary[]>;
  reports: SpacePart<AwardReport[]>;
  registrations: SpacePart<Registration[]>;
  /** The courses of the registrations, by id (their titles). */
  courses: Record<string, Course>;
  /**
   * The competencies the association's members acquired in trainings completed in full, as the platform
   * records them (`GET /v1/associations/{id}/competencies`); absent, the section says it is not available.
   */
  competencies?: SpacePart<CompetencyRecord[]>;
}

/** What the signed-in role may do here; the server checks each write again. */
export interface SpaceRights {
  editProfile: boolean;
  manageDocuments: boolean;
  invite: boolean;
  removeMembers: boolean;
  handOver: boolean;
  leave: boolean;
}

/**
 * The rights of a role: the representative acts in the association's name (profile, members, hand-over),
 * the treasurer keeps its documents with the representative, every member but the representative may leave.
 *
 * @example
 * ```ts
 * rightsOf('member').invite; // false
 * ```
 */
export function rightsOf(role: MemberRole | undefined): SpaceRights {
  const representative = role === 'representative';
  return {
    editProfile: representative,
    manageDocuments: representative || role === 'treasurer',
    invite: representative,
    removeMembers: representative,
    handOver: representative,
    leave: role !== undefined && !representative,
  };
}

/** Codes of a route the platform does not have (yet): the part says "not available" rather than an error. */
const UNAVAILABLE = new Set(['not_found', 'method_not_allowed']);

/**
 * The most courses fetched for one space (the titles of the registrations, newest first); beyond, a
 * registration says "training course" without its title.
 */
const MAX_COURSES = 40;

/**
 * The association's own page for its signed-in member: its profile (the representative edits the
 * descriptions in each language, the website, which contacts the directory shows, the logo), its document
 * vault (kind, year, validity, expired ones flagged; upload and removal), its members (invitation by e-mail
 * with a role, removal, leaving, handing the representative's role over), its applications with their
 * stage and next step, the reports due after an award, and its training registrations, certificates and
 * the competencies its members acquired (as the platform records them, with the highest level reached and
 * the courses completed). Only the actions the signed-in role may take are offered.
 *
 * An account with several associations picks one; an account with none sees its pending claim, or a form
 * to claim an association of the directory or register a new one (receipt and mandate attached). Without
 * a signed-in account it offers the platform's sign-in popup. Every write keeps what was typed when it
 * fails, and the platform's refusal is shown in the reader's language.
 *
 * Data mode: set `home` (memberships and claims) and `space` (one association's data).
 *
 * @tagname nassij-association-space
 * @fires {CustomEvent<NassijApplicationOpenDetail>} nassij-application-open - "Open" on an application; `detail: { applicationId, callId }`. Cancel it to stay, else the link of `application-href` is followed.
 * @fires {CustomEvent<NassijSpaceChangeDetail>} nassij-space-change - A write changed the association (`detail: { associationId, what }`).
 * @fires {CustomEvent<NassijErrorDetail>} nassij-error - A load, a write or the sign-in failed; `detail: { code }`.
 * @csspart button - Every action button.
 * @csspart tab - Each section's tab.
 *
 * @example
 * ```html
 * <nassij-association-space api-base="https://platform.example/api"
 *   application-href="/apply/?application={id}"></nassij-association-space>
 * ```
 */
export class NassijAssociationSpace extends NassijElement {
  static override properties = {
    associationId: { attribute: 'association-id', reflect: true },
    section: { reflect: true },
    applicationHref: { attribute: 'application-href' },
    invitation: {},
    home: { attribute: false },
    space: { attribute: false },
    busy: { state: true },
    actionError: { state: true },
    fieldErrors: { state: true },
    notice: { state: true },
    confirming: { state: true },
    editing: { state: true },
    draft: { state: true },
    conflict: { state: true },
    claimKind: { state: true },
  };
  static override messages = associationSpaceMessages;
  /** The element's styles: the shared tokens and base styles, then its own. */
  static override styles = associationSpaceStyles;

  /** The association shown (`association-id`); default the account's only one, else the first chosen. */
  declare associationId: string | undefined;
  /** The open section (`section`): profile, documents, members, applications, reports or trainings. */
  declare section: SpaceSection;
  /** Address of an application (`application-href`): `{id}` and `{callId}` are replaced; else only the event fires. */
  declare applicationHref: string | undefined;
  /**
   * The token of an invitation to accept (the platform's invitation e-mails link to a page with
   * `?invitation=<token>`; without the attribute the element reads that parameter of the page's address).
   * Once signed in, the person is offered to join; accepting takes the token out of the address.
   */
  declare invitation: string | undefined;
  /** The account's memberships and claims (data mode, or as loaded). */
  declare home: SpaceHome | undefined;
  /** The open association's data (data mode, or as loaded). */
  declare space: SpaceData | undefined;
  /** @internal */
  declare busy: boolean;
  /** @internal The last failed write: where (a form's scope) and its error code. */
  declare actionError: { scope: string; code: string } | undefined;
  /** @internal Our own validation's messages by field id (message keys). */
  declare fieldErrors: Record<string, string>;
  /** @internal The last write's outcome, shown in its section. */
  declare notice: { scope: string; text: string } | undefined;
  /** @internal The removal (or hand-over, leaving) waiting for confirmation: `doc:<id>`, `member:<id>`… */
  declare confirming: string | undefined;
  /** @internal Whether the profile form is open. */
  declare editing: boolean;
  /** @internal The profile as typed: kept through failures and conflicts. */
  declare draft: ProfileDraft | undefined;
  /** @internal A save met a newer version: its ETag, to save over it on request. */
  declare conflict: { etag: string | undefined } | undefined;
  /** @internal The claim form's choice. */
  declare claimKind: 'claim' | 'register';
  /** @internal */
  readonly announcer = new LiveAnnouncer(this);
  #clientChanged = false;
  /** The association last asked for by {@link open}. */
  #opened: string | undefined;

  /** @internal */
  readonly homeResource = new ResourceController<SpaceHome>(this, {
    load: async (signal) => {
      const client = this.resolvedClient!;
      const [me, mine, claims] = await Promise.all([
        client.auth.me({ signal }),
        client.request(myAssociationsRef, { signal }),
        myClaims(client, signal),
        spaceViews.load(),
        this.invitation ? invitationView.load() : undefined,
      ]);
      if (mine.items.length === 0) await claimView.load();
      return { accountId: me.id, memberships: mine.items, claims };
    },
    onValue: (home) => {
      this.home = home;
    },
    keepValueOnError: false,
  });

  /** @internal */
  readonly spaceResource = new ResourceController<SpaceData>(this, {
    load: (signal) => this.#loadSpace(signal),
    onValue: (space) => {
      this.space = space;
    },
  });

  #signIn = new SignInController(this, { signedIn: () => this.#afterSignIn() });

  constructor() {
    super();
    this.section = 'profile';
    this.busy = false;
    this.fieldErrors = {};
    this.editing = false;
    this.claimKind = 'claim';
  }

  /** The role of the signed-in account in the open association. */
  get memberRole(): MemberRole | undefined {
    const id = this.#openId();
    return this.home?.memberships.find((m) => m.association.id === id)?.role as MemberRole | undefined;
  }

  /** What the signed-in role may do in the open association. */
  get rights(): SpaceRights {
    return rightsOf(this.space?.role ?? this.memberRole);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The invitation e-mails link to the page with `?invitation=`: taken from there unless the page set one.
    this.invitation ??= new URLSearchParams(window.location.search).get('invitation') ?? undefined;
  }

  protected override clientChanged(_client: BaseClient | undefined): void {
    this.#clientChanged = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#clientChanged) {
      this.#clientChanged = false;
      void this.load();
    } else if (changed.has('associationId') && changed.get('associationId') !== undefined) {
      // The page chose another association (open() itself sets the attribute: no second load then).
      if (this.associationId !== this.#opened) void this.open(this.associationId);
    }
    if (this.home && this.homeResource.value !== this.home) this.homeResource.set(this.home);
    // Data mode: the views of what the page gave are imported now (a load imports them with its requests).
    if (this.home && !this.homeResource.loading) {
      const view = this.home.memberships.length ? spaceViews : claimView;
      // Once imported, nothing to wait for (waiting again on a settled import would re-render forever).
      if (!view.value) this.waitFor(view.load());
    }
    if (this.space && this.spaceResource.value !== this.space) this.spaceResource.set(this.space);
    if (!SPACE_SECTIONS.includes(this.section)) this.section = 'profile';
  }

  /** Loads the account's associations and claims, then the open association. */
  async load(): Promise<void> {
    if (!this.resolvedClient) return;
    if (this.#signIn.offered(undefined)) {
      this.homeResource.abort();
      return;
    }
    const home = await this.homeResource.run();
    if (home) await this.open(this.#openId());
  }

  /** Opens an association of the account (the picker's choice), or the only one. */
  async open(associationId: string | undefined): Promise<void> {
    if (!associationId || !this.resolvedClient) return;
    this.#opened = associationId;
    if (this.space?.association.id !== associationId) {
      this.space = undefined;
      this.spaceResource.clear();
      this.#reset();
    }
    this.associationId = associationId;
    await this.spaceResource.run();
  }

  /** Reloads the open association after a write (the form on screen stays as it is meanwhile). */
  async refresh(): Promise<void> {
    if (this.resolvedClient && this.#openId()) await this.spaceResource.run();
  }

  /** Reloads the account's associations and claims (after a claim, leaving, a hand-over). */
  async reloadHome(): Promise<void> {
    if (!this.resolvedClient) return;
    const home = await this.homeResource.run();
    if (!home) return;
    const id = this.#openId();
    if (id) await this.open(id);
    else {
      this.space = undefined;
      this.spaceResource.clear();
    }
  }

  /** Shows a section, as its tab does. */
  select(section: SpaceSection): void {
    this.section = section;
  }

  /** The association to show: the chosen one if the account belongs to it, else its only one. */
  #openId(): string | undefined {
    const memberships = this.home?.memberships ?? [];
    if (
      this.associationId &&
      (memberships.length === 0 || memberships.some((m) => m.association.id === this.associationId))
    )
      return this.associationId;
    return memberships.length === 1 ? memberships[0]?.association.id : undefined;
  }

  #reset(): void {
    this.actionError = undefined;
    this.fieldErrors = {};
    this.notice = undefined;
    this.confirming = undefined;
    this.editing = false;
    this.draft = undefined;
    this.conflict = undefined;
  }

  /** A part's value, or the code it failed with (routes the platform lacks say "not available"). */
  async #part<T>(request: Promise<T>): Promise<SpacePart<T>> {
    try {
      return { value: await request };
    } catch (error) {
      // A route this platform lacks is not a failure to report: the part says it is not available.
      if (UNAVAILABLE.has(errorCodeOf(error))) return { error: 'unavailable' };
      return { error: this.reportFailure(error) };
    }
  }

  async #loadSpace(signal: AbortSignal): Promise<SpaceData> {
    const client = this.resolvedClient!;
    const associationId = this.#openId()!;
    const role = this.memberRole ?? 'member';
    const params = { associationId };
    const [association, profile, members, documents, applications, reports, registrations, competencies] =
      await Promise.all([
        client.request(getAssociationRef, { params, signal }),
        this.#part(getProfile(client, associationId, signal)),
        this.#part(listMembers(client, associationId, signal)),
        this.#part(listDocuments(client, associationId, signal)),
        this.#part(
          client
            .request(listApplicationsRef, { query: { associationId, limit: 100 }, signal })
            .then((page) => page.items),
        ),
        this.#part(
          client
            .request(listAssociationReportsRef, { params, query: { limit: 100 }, signal })
            .then((page) => page.items),
        ),
        this.#part(
          client
            .request(listRegistrationsRef, { query: { associationId, limit: 100 }, signal })
            .then((page) => page.items),
        ),
        // The platform's record, not counted here: it alone knows which registrations were completed in
        // full, and it reads every one of them, not only the page of registrations listed below.
        this.#part(
          client
            .request(associationCompetenciesRef, { params, signal })
            .then((record) => record.competencies),
        ),
      ]);
    const courseIds = [...new Set((registrations.value ?? []).map((r) => r.courseId))].slice(0, MAX_COURSES);
    const courses = await Promise.all(
      courseIds.map((courseId) =>
        client.request(getCourseRef, { params: { courseId }, signal }).catch(() => undefined),
      ),
    );
    const etag = profile.value?.etag;
    return {
      association,
      profile: profile.value ? { value: profile.value.profile } : { error: profile.error ?? 'unknown' },
      ...(etag ? { etag } : {}),
      role,
      members,
      documents,
      applications,
      reports,
      registrations,
      courses: Object.fromEntries(courses.filter((c) => c !== undefined).map((c) => [c.id, c])),
      competencies,
    };
  }

  async #afterSignIn(): Promise<void> {
    const loaded = this.load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    await loaded;
  }

  /** The association's name as plain text, for messages. */
  nameOf(association: { name: Association['name'] } | undefined): string {
    return association ? plain(this.locale, association.name) : '';
  }

  override render(): TemplateResult {
    return html`${this.announcer.region()}
      <section aria-labelledby="as-title">
        <h2 id="as-title" tabindex="-1">${this.t('as.title')}</h2>
        ${this.#signIn.around(this.homeResource, this.t('as.signIn'), {
          ready: (home) => this.#home(home),
          lines: 4,
        })}
      </section>`;
  }

  #home(home: SpaceHome): unknown {
    const invitation =
      this.invitation && invitationView.value ? invitationView.value.renderInvitation(this) : nothing;
    const joined = this.notice?.scope === 'home' ? html`<p class="notice">${this.notice.text}</p>` : nothing;
    if (home.memberships.length === 0)
      return html`${invitation}${claimView.value ? claimView.value.renderClaim(this, home) : renderLoading(this)}`;
    const id = this.#openId();
    return html`${invitation}${joined}${home.memberships.length > 1 ? this.#picker(home, id) : nothing}
      ${id ? this.spaceResource.render({ ready: (space) => this.#space(space), lines: 6 }) : nothing}`;
  }

  #picker(home: SpaceHome, current: string | undefined): TemplateResult {
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const value = new FormData(event.currentTarget as HTMLFormElement).get('association');
      void this.open(String(value ?? ''));
    };
    return html`<form class="picker" @submit=${submit}>
      <label for="as-picker">${this.t('as.picker.label')}</label>
      <select class="nassij-input" id="as-picker" name="association">
        ${home.memberships.map(
          (m) => html`<option value=${m.association.id} ?selected=${m.association.id === current}>
            ${this.nameOf(m.association)} — ${this.t(`as.role.${m.role}`)}</option>`,
        )}
      </select>
      <button class="nassij-button" part="button" type="submit">${this.t('as.picker.open')}</button>
    </form>`;
  }

  #space(space: SpaceData): TemplateResult {
    const views = spaceViews.value;
    if (!views) return renderLoading(this, { lines: 6 });
    const { renderActivity, renderDocuments, renderMembers, renderProfile } = views;
    const tab = (section: SpaceSection) => {
      const selected = this.section === section;
      return html`<button role="tab" part="tab" type="button" class="tab" id="as-tab-${section}"
        aria-selected=${selected ? 'true' : 'false'} aria-controls="as-panel-${section}"
        tabindex=${selected ? '0' : '-1'} @click=${() => this.select(section)}
        @keydown=${(e: KeyboardEvent) => this.#tabKey(e, section)}>${this.t(`as.tab.${section}`)}</button>`;
    };
    const panel = (section: SpaceSection, body: () => unknown) =>
      html`<div role="tabpanel" class="panel" id="as-panel-${section}" aria-labelledby="as-tab-${section}"
        tabindex="0" ?hidden=${this.section !== section}>${this.section === section ? body() : nothing}</div>`;
    return html`<div class="heading">
        <h3 id="as-name">${this.nameOf(space.association)}</h3>
        <p class="role">${this.t('as.role', { role: this.t(`as.role.${space.role}`) })}</p>
      </div>
      <div role="tablist" class="tabs" aria-labelledby="as-name">${SPACE_SECTIONS.map(tab)}</div>
      ${panel('profile', () => renderProfile(this, space))}
      ${panel('documents', () => renderDocuments(this, space))}
      ${panel('members', () => renderMembers(this, space))}
      ${panel('applications', () => renderActivity(this, space, 'applications'))}
      ${panel('reports', () => renderActivity(this, space, 'reports'))}
      ${panel('trainings', () => renderActivity(this, space, 'trainings'))}`;
  }

  /** Arrow keys move along the tabs in reading order (mirrored in Arabic), Home and End to the ends. */
  async #tabKey(event: KeyboardEvent, section: SpaceSection): Promise<void> {
    const index = SPACE_SECTIONS.indexOf(section);
    const rtl = getComputedStyle(this).direction === 'rtl';
    const last = SPACE_SECTIONS.length - 1;
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = rtl ? index - 1 : index + 1;
    else if (event.key === 'ArrowLeft') next = rtl ? index + 1 : index - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    if (next === undefined) return;
    event.preventDefault();
    const target = SPACE_SECTIONS[(next + SPACE_SECTIONS.length) % SPACE_SECTIONS.length]!;
    this.select(target);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#as-tab-${target}`)?.focus();
  }
}

/** `detail` of `nassij-application-open`. */
export interface NassijApplicationOpenDetail {
  applicationId: string;
  callId: string;
}

/** `detail` of `nassij-space-change`. */
export interface NassijSpaceChangeDetail {
  associationId: string;
  /** What changed: `profile`, `logo`, `documents`, `members`, `claim`. */
  what: string;
}

/**
 * The events `<nassij-association-space>` fires; all bubble out of shadow roots (composed).
 *
 * @example
 * ```ts
 * space.addEventListener('nassij-space-change', (event) => console.log(event.detail.what));
 * ```
 */
export interface NassijAssociationSpaceEventMap {
  'nassij-application-open': CustomEvent<NassijApplicationOpenDetail>;
  'nassij-space-change': CustomEvent<NassijSpaceChangeDetail>;
}

declare global {
  // The tag as the self-registering entry defines it; declared here so the class alone brings the type.
  interface HTMLElementTagNameMap {
    'nassij-association-space': NassijAssociationSpace;
  }
  interface GlobalEventHandlersEventMap extends NassijAssociationSpaceEventMap {}
}

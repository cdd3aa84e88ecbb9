import {
  COMPETENCY_CODES,
  COMPETENCY_NAMES,
  type Course,
  type CourseFields,
  type CreateSession,
  cancelSessionRef,
  casablancaWallClock,
  createCourseRef,
  createSessionRef,
  fromCasablancaWallClock,
  getManagedCourseRef,
  getManagedSessionRef,
  isRegionCode,
  type LocalizedText,
  type ManagedSession,
  publishCourseRef,
  REGIONS,
  type RegionCode,
  updateCourseRef,
  updateSessionRef,
} from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import { errorMessage, plain, text } from '../../base/states.js';
import { done, focus, write } from '../actions.js';
import type { NassijSessionManager, SessionManagerScreen } from '../nassij-session-manager.js';
import { dates } from './list.js';

// The forms, imported when one opens: a course (created as a draft, or changed), a session of a published
// course (created or changed), and a session's cancellation with its reason. Every form keeps label, hint,
// error and control in this one shadow tree; our own checks speak after submit, by the field, and focus
// the first wrong one; a refusal of the platform naming fields marks them too.

type Host = NassijSessionManager;
type Data = { get(name: string): string; all(name: string): string[] };

const LANGUAGES = ['ar', 'fr', 'zgh', 'en'] as const;
const MODALITIES = ['on_site', 'online', 'blended'] as const;
const CREDENTIALS = ['attestation', 'badge', 'none'] as const;
const LEVELS = [1, 2, 3] as const;
/** An amount as the API takes it: digits with up to two decimals (a comma is read as the point). */
const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;

/** A Casablanca wall-clock `datetime-local` value of an instant, and back. */
const toWall = (at: string | undefined) => (at ? casablancaWallClock(at).toISOString().slice(0, 16) : '');
const fromWall = (value: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)
    ? fromCasablancaWallClock(new Date(`${value}:00Z`))
        .toISOString()
        .replace(/\.\d+Z$/, 'Z')
    : undefined;

function read(form: HTMLFormElement): Data {
  const data = new FormData(form);
  return {
    get: (name) => String(data.get(name) ?? '').trim(),
    all: (name) => data.getAll(name).map(String),
  };
}

/** A field's error under it, in a region that exists before the error does (so it is announced). */
function fieldError(host: Host, id: string): TemplateResult {
  const key = host.fieldErrors[id];
  return html`<span class="field-error" id="${id}-error" role=${key ? 'alert' : nothing}>${key ? host.t(key) : ''}</span>`;
}

/** The attributes that tie a control to its error (and hint). */
const invalid = (host: Host, id: string) => (host.fieldErrors[id] ? 'true' : 'false');

interface FieldOptions {
  id: string;
  label: string;
  value?: string | number | undefined;
  type?: string;
  multiline?: boolean;
  hint?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  lang?: string;
  extra?: Record<string, string>;
}

function field(host: Host, o: FieldOptions): TemplateResult {
  const describedBy = `${o.hint ? `${o.id}-hint ` : ''}${o.id}-error`;
  const value = o.value === undefined ? '' : String(o.value);
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    ${o.hint ? html`<span class="hint" id="${o.id}-hint">${o.hint}</span>` : nothing}
    ${
      o.multiline
        ? html`<textarea class="nassij-input" id=${o.id} name=${o.id} rows="3" dir=${o.dir ?? 'auto'} lang=${o.lang ?? nothing}
            aria-invalid=${invalid(host, o.id)} aria-describedby=${describedBy} .value=${value}></textarea>`
        : html`<input class="nassij-input" id=${o.id} name=${o.id} type=${o.type ?? 'text'} dir=${o.dir ?? 'auto'}
            lang=${o.lang ?? nothing} autocomplete="off" inputmode=${o.extra?.inputmode ?? nothing} min=${o.extra?.min ?? nothing}
            aria-invalid=${invalid(host, o.id)} aria-describedby=${describedBy} .value=${value} />`
    }
    ${fieldError(host, o.id)}
  </div>`;
}

/** The same text in Arabic (right to left) and French, side by side where there is room. */
function bilingual(
  host: Host,
  id: string,
  label: string,
  value: LocalizedText | undefined,
  multiline = false,
) {
  return html`<fieldset class="pair">
    <legend>${label}</legend>
    ${field(host, { id: `${id}-ar`, label: host.t('sm.f.ar'), value: value?.ar, dir: 'rtl', lang: 'ar', multiline })}
    ${field(host, { id: `${id}-fr`, label: host.t('sm.f.fr'), value: value?.fr, dir: 'ltr', lang: 'fr', multiline })}
  </fieldset>`;
}

function select(
  host: Host,
  id: string,
  label: string,
  options: [string, string][],
  chosen: string | undefined,
) {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <select class="nassij-input" id=${id} name=${id} aria-invalid=${invalid(host, id)} aria-describedby="${id}-error">
      ${options.map(([value, name]) => html`<option value=${value} ?selected=${value === chosen}>${name}</option>`)}
    </select>
    ${fieldError(host, id)}
  </div>`;
}

/** The refusal of the last write asked in `scope`, in the reader's language. */
function refusal(host: Host, scope: string): unknown {
  const code = host.refusalOf(scope);
  return code ? html`<p class="error" role="alert">${errorMessage(host, code)}</p>` : nothing;
}

/** Own checks found these fields wrong: their messages show, focus goes to the first. */
async function stop(host: Host, errors: Record<string, string>): Promise<boolean> {
  host.fieldErrors = errors;
  const first = Object.keys(errors)[0];
  if (!first) return false;
  await focus(host, `#${CSS.escape(first)}`);
  return true;
}

/** A required text in Arabic and French, checked: both must be written. */
function both(data: Data, id: string, errors: Record<string, string>, before?: LocalizedText): LocalizedText {
  const ar = data.get(`${id}-ar`);
  const fr = data.get(`${id}-fr`);
  if (!ar) errors[`${id}-ar`] = 'sm.err.required';
  if (!fr) errors[`${id}-fr`] = 'sm.err.required';
  // Tamazight and English written elsewhere are kept.
  return { ...before, ar, fr };
}

// ——— Course ———

/** The body's pointers of a course, to the form's fields. */
function coursePointer(pointer: string): string | undefined {
  const [, top, second, third] = pointer.split('/');
  const lang = third === 'fr' || second === 'fr' ? 'fr' : 'ar';
  switch (top) {
    case 'title':
      return `c-title-${second === 'fr' ? 'fr' : 'ar'}`;
    case 'description':
      return `c-desc-${second === 'fr' ? 'fr' : 'ar'}`;
    case 'targetAudience':
      return `c-aud-${second === 'fr' ? 'fr' : 'ar'}`;
    case 'objectives':
      return `c-goal-${lang}`;
    case 'competencies':
      return third === 'level' ? 'c-level-1' : 'c-comp';
    case 'languages':
      return 'c-lang-ar';
    case 'durationHours':
      return 'c-hours';
    case 'cost':
      return 'c-amount';
    case 'modality':
      return 'c-modality';
    default:
      return undefined;
  }
}

function readCourse(
  data: Data,
  before: Course | undefined,
): { fields: CourseFields; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const title = both(data, 'c-title', errors, before?.title);
  const description = both(data, 'c-desc', errors, before?.description);
  const goal = both(data, 'c-goal', errors, before?.objectives[0]);
  const targetAudience = both(data, 'c-aud', errors, before?.targetAudience);
  const level = Number(data.get('c-level'));
  if (![1, 2, 3].includes(level)) errors['c-level-1'] = 'sm.err.level';
  const hours = Number(data.get('c-hours').replace(',', '.'));
  if (!(hours > 0 && hours <= 2000)) errors['c-hours'] = 'sm.err.hours';
  const languages = data.all('c-lang') as CourseFields['languages'];
  if (languages.length === 0) errors['c-lang-ar'] = 'sm.err.languages';
  const free = data.get('c-free') === 'yes';
  const amount = data.get('c-amount').replace(',', '.');
  if (!free && (!AMOUNT.test(amount) || Number(amount) <= 0)) errors['c-amount'] = 'sm.err.amount';
  const fields: CourseFields = {
    title,
    description,
    objectives: [goal, ...(before?.objectives.slice(1) ?? [])] as CourseFields['objectives'],
    targetAudience,
    competencies: [{ code: data.get('c-comp'), level: level as 1 | 2 | 3 }],
    languages,
    durationHours: hours,
    modality: data.get('c-modality') as CourseFields['modality'],
    cost: free ? { free: true } : { free: false, amount: { amount, currency: 'MAD' } },
    credential: data.get('c-credential') as CourseFields['credential'],
  };
  return { fields: fields as CourseFields, errors };
}

async function saveCourse(host: Host, courseId: string | undefined, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const before = courseId ? host.find(courseId).row?.managed.course : undefined;
  const { fields, errors } = readCourse(read(event.currentTarget as HTMLFormElement), before);
  if (await stop(host, errors)) return;
  const client = host.resolvedClient;
  const organisationId = host.organisation;
  if (!client || !organisationId) return;
  const saved = await write(
    host,
    'form',
    () =>
      courseId
        ? client.request(updateCourseRef, { params: { courseId }, body: fields, ifMatch: host.etag ?? '*' })
        : client.request(createCourseRef, { params: { organisationId }, body: fields }),
    coursePointer,
  );
  if (!saved) return void (await stop(host, host.fieldErrors));
  const id = saved.course.id;
  host.emit('nassij-course-save', { courseId: id, created: !courseId });
  await host.refresh();
  await host.show({ kind: 'list' });
  done(
    host,
    `course-${id}`,
    host.t(courseId ? 'sm.course.saved' : 'sm.course.created', {
      title: plain(host.locale, saved.course.title),
    }),
  );
  await focus(host, `[data-course="${CSS.escape(id)}"] h3`);
}

function courseForm(host: Host, courseId: string | undefined): TemplateResult {
  const c = courseId ? host.find(courseId).row?.managed.course : undefined;
  const competency = c?.competencies[0];
  const free = c ? c.cost.free : true;
  const amount = c && !c.cost.free ? c.cost.amount.amount : '';
  return html`<h3 id="sm-screen-h" tabindex="-1">${c ? host.t('sm.course.edit', { title: plain(host.locale, c.title) }) : host.t('sm.course.new')}</h3>
    <form class="course-form" novalidate @submit=${(e: SubmitEvent) => void saveCourse(host, courseId, e)}>
      ${bilingual(host, 'c-title', host.t('sm.f.title'), c?.title)}
      ${bilingual(host, 'c-desc', host.t('sm.f.description'), c?.description, true)}
      ${bilingual(host, 'c-goal', host.t('sm.f.objective'), c?.objectives[0], true)}
      ${bilingual(host, 'c-aud', host.t('sm.f.audience'), c?.targetAudience)}
      ${select(
        host,
        'c-comp',
        host.t('sm.f.competency'),
        COMPETENCY_CODES.map((code) => [code, plain(host.locale, COMPETENCY_NAMES[code])]),
        competency?.code,
      )}
      <fieldset aria-describedby="c-level-1-error">
        <legend>${host.t('sm.f.level')}</legend>
        ${LEVELS.map(
          (level) => html`<div class="option">
            <input type="radio" id="c-level-${level}" name="c-level" value=${level}
              .checked=${(competency?.level ?? 1) === level} aria-invalid=${level === 1 ? invalid(host, 'c-level-1') : nothing} />
            <label for="c-level-${level}">${host.t(`sm.level.${level}`)}</label>
          </div>`,
        )}
        ${fieldError(host, 'c-level-1')}
      </fieldset>
      ${select(
        host,
        'c-modality',
        host.t('sm.f.modality'),
        MODALITIES.map((m) => [m, host.t(`sm.modality.${m}`)]),
        c?.modality,
      )}
      ${field(host, { id: 'c-hours', label: host.t('sm.f.hours'), value: c?.durationHours, type: 'number', dir: 'ltr', extra: { inputmode: 'decimal', min: '1' } })}
      <fieldset aria-describedby="c-lang-ar-error">
        <legend>${host.t('sm.f.languages')}</legend>
        ${LANGUAGES.map(
          (lang) => html`<div class="option">
            <input type="checkbox" id="c-lang-${lang}" name="c-lang" value=${lang}
              .checked=${c ? c.languages.includes(lang) : lang === 'ar' || lang === 'fr'} />
            <label for="c-lang-${lang}">${host.t(`sm.lang.${lang}`)}</label>
          </div>`,
        )}
        ${fieldError(host, 'c-lang-ar')}
      </fieldset>
      <fieldset>
        <legend>${host.t('sm.f.cost')}</legend>
        <div class="option">
          <input type="checkbox" id="c-free" name="c-free" value="yes" .checked=${free} />
          <label for="c-free">${host.t('sm.f.free')}</label>
        </div>
        ${field(host, { id: 'c-amount', label: host.t('sm.f.amount'), value: amount, dir: 'ltr', hint: host.t('sm.f.amountHint'), extra: { inputmode: 'decimal' } })}
      </fieldset>
      ${select(
        host,
        'c-credential',
        host.t('sm.f.credential'),
        CREDENTIALS.map((k) => [k, host.t(`sm.credential.${k}`)]),
        c?.credential,
      )}
      ${refusal(host, 'form')}
      <p class="form-actions">
        <button class="nassij-button save" part="button" type="submit" ?disabled=${host.busy}>
          ${host.t(c ? 'sm.course.save' : 'sm.course.create')}</button>
      </p>
    </form>`;
}

// ——— Session ———

function sessionPointer(pointer: string): string | undefined {
  const [, top, second, third] = pointer.split('/');
  if (top === 'period') return second === 'end' ? 's-end' : 's-start';
  if (top === 'registrationWindow') return second === 'closes' ? 's-closes' : 's-opens';
  if (top === 'capacity') return 's-capacity';
  if (top === 'trainers') return 's-trainer';
  if (top === 'language') return 's-language';
  if (top === 'place') {
    if (second === 'joinUrl') return 's-join';
    if (second === 'city') return `s-city-${third === 'fr' ? 'fr' : 'ar'}`;
    if (second === 'address') return `s-address-${third === 'fr' ? 'fr' : 'ar'}`;
    return 's-region';
  }
  return undefined;
}

/** The session form's body, or `undefined` (with the errors saying why) when it cannot be sent. */
function readSession(data: Data): { body: CreateSession | undefined; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const online = data.get('s-kind') === 'online';
  // The select offers the region codes only; anything else (nothing chosen) is no region.
  const chosen = data.get('s-region');
  const region: RegionCode | undefined = isRegionCode(chosen) ? chosen : undefined;
  const start = fromWall(data.get('s-start'));
  const end = fromWall(data.get('s-end'));
  const opens = fromWall(data.get('s-opens'));
  const closes = fromWall(data.get('s-closes'));
  if (!start) errors['s-start'] = 'sm.err.date';
  if (!end) errors['s-end'] = 'sm.err.date';
  else if (start && end <= start) errors['s-end'] = 'sm.err.endBeforeStart';
  if (!opens) errors['s-opens'] = 'sm.err.date';
  if (!closes) errors['s-closes'] = 'sm.err.date';
  else if (opens && closes <= opens) errors['s-closes'] = 'sm.err.closesBeforeOpens';
  else if (end && closes > end) errors['s-closes'] = 'sm.err.closesAfterEnd';
  const capacity = Number(data.get('s-capacity'));
  if (!(Number.isInteger(capacity) && capacity >= 1 && capacity <= 10_000))
    errors['s-capacity'] = 'sm.err.capacity';
  const trainer = data.get('s-trainer');
  if (!trainer) errors['s-trainer'] = 'sm.err.required';
  let place: CreateSession['place'] | undefined;
  if (online) {
    const joinUrl = data.get('s-join');
    if (!/^https?:\/\/\S+$/.test(joinUrl)) errors['s-join'] = 'sm.err.url';
    const platform = data.get('s-platform');
    // An online session may name the region it is meant for (a regional search then finds it).
    place = { kind: 'online', joinUrl, ...(platform ? { platform } : {}), ...(region ? { region } : {}) };
  } else {
    // Named in the form's order, so that the first wrong field gets the focus.
    if (!region) errors['s-region'] = 'sm.err.region';
    const city = both(data, 's-city', errors);
    const address = both(data, 's-address', errors);
    if (region) place = { kind: 'on_site', region, city, address };
  }
  // Own checks passed: the instants are there (the server checks them again).
  const body = place && {
    period: { start: start ?? '', end: end ?? '' },
    place,
    capacity,
    registrationWindow: { opens: opens ?? '', closes: closes ?? '' },
    trainers: [{ name: trainer }],
    language: data.get('s-language') as CreateSession['language'],
  };
  return { body, errors };
}

async function saveSession(host: Host, courseId: string, sessionId: string | undefined, event: SubmitEvent) {
  event.preventDefault();
  const { body, errors } = readSession(read(event.currentTarget as HTMLFormElement));
  if ((await stop(host, errors)) || !body) return;
  const client = host.resolvedClient;
  if (!client) return;
  const saved = await write(
    host,
    'form',
    () =>
      sessionId
        ? client.request(updateSessionRef, { params: { sessionId }, body, ifMatch: host.etag ?? '*' })
        : client.request(createSessionRef, { params: { courseId }, body }),
    sessionPointer,
  );
  if (!saved) return void (await stop(host, host.fieldErrors));
  host.emit('nassij-session-save', { sessionId: saved.session.id, courseId, created: !sessionId });
  await host.refresh();
  await host.show({ kind: 'list' });
  done(
    host,
    `course-${courseId}`,
    host.t(sessionId ? 'sm.session.saved' : 'sm.session.created', { dates: dates(host, saved) }),
  );
  await focus(host, `[data-session="${CSS.escape(saved.session.id)}"] button[data-desk]`);
}

function sessionForm(host: Host, courseId: string, sessionId: string | undefined): TemplateResult {
  const { row, session: managed } = host.find(courseId, sessionId);
  const s = managed?.session;
  const where = s?.location;
  const online = host.placeKind === 'online';
  const onSite = where?.kind === 'on_site' ? where : undefined;
  const title = row ? plain(host.locale, row.managed.course.title) : '';
  return html`<h3 id="sm-screen-h" tabindex="-1">${host.t(s ? 'sm.session.edit' : 'sm.session.new', { title })}</h3>
    <form class="session-form" novalidate @submit=${(e: SubmitEvent) => void saveSession(host, courseId, sessionId, e)}>
      <fieldset>
        <legend>${host.t('sm.f.kind')}</legend>
        ${(['on_site', 'online'] as const).map(
          (kind) => html`<div class="option">
            <input type="radio" id="s-kind-${kind}" name="s-kind" value=${kind} .checked=${host.placeKind === kind}
              @change=${() => {
                host.placeKind = kind;
              }} />
            <label for="s-kind-${kind}">${host.t(`sm.kind.${kind}`)}</label>
          </div>`,
        )}
      </fieldset>
      ${select(
        host,
        's-region',
        host.t(online ? 'sm.f.regionOptional' : 'sm.f.region'),
        [
          ['', host.t('sm.f.chooseRegion')],
          ...REGIONS.map((r): [string, string] => [r.code, plain(host.locale, r.name)]),
        ],
        onSite?.region,
      )}
      ${
        online
          ? html`${field(host, { id: 's-join', label: host.t('sm.f.joinUrl'), value: managed?.joinUrl, type: 'url', dir: 'ltr', hint: host.t('sm.f.joinHint') })}
            ${field(host, { id: 's-platform', label: host.t('sm.f.platform'), value: where?.kind === 'online' ? where.platform : undefined })}`
          : html`${bilingual(host, 's-city', host.t('sm.f.city'), onSite?.city)}
            ${bilingual(host, 's-address', host.t('sm.f.address'), onSite?.address)}`
      }
      <fieldset class="pair">
        <legend>${host.t('sm.f.period')}</legend>
        <p class="hint">${host.t('sm.f.timeHint')}</p>
        ${field(host, { id: 's-start', label: host.t('sm.f.start'), value: toWall(s?.period.start), type: 'datetime-local', dir: 'ltr' })}
        ${field(host, { id: 's-end', label: host.t('sm.f.end'), value: toWall(s?.period.end), type: 'datetime-local', dir: 'ltr' })}
      </fieldset>
      <fieldset class="pair">
        <legend>${host.t('sm.f.window')}</legend>
        ${field(host, { id: 's-opens', label: host.t('sm.f.opens'), value: toWall(s?.registrationWindow.opens), type: 'datetime-local', dir: 'ltr' })}
        ${field(host, { id: 's-closes', label: host.t('sm.f.closes'), value: toWall(s?.registrationWindow.closes), type: 'datetime-local', dir: 'ltr' })}
      </fieldset>
      ${field(host, { id: 's-capacity', label: host.t('sm.f.capacity'), value: s?.capacity, type: 'number', dir: 'ltr', extra: { inputmode: 'numeric', min: '1' } })}
      ${select(
        host,
        's-language',
        host.t('sm.f.language'),
        LANGUAGES.map((l) => [l, host.t(`sm.lang.${l}`)]),
        s?.language,
      )}
      ${field(host, { id: 's-trainer', label: host.t('sm.f.trainer'), value: s?.trainers[0]?.name })}
      ${refusal(host, 'form')}
      <p class="form-actions">
        <button class="nassij-button save" part="button" type="submit" ?disabled=${host.busy}>
          ${host.t(s ? 'sm.session.save' : 'sm.session.create')}</button>
      </p>
    </form>`;
}

// ——— Cancellation ———

async function cancel(host: Host, courseId: string, managed: ManagedSession, event: SubmitEvent) {
  event.preventDefault();
  const reason = read(event.currentTarget as HTMLFormElement).get('x-reason');
  if (await stop(host, reason ? {} : { 'x-reason': 'sm.err.reason' })) return;
  const client = host.resolvedClient;
  if (!client) return;
  const sessionId = managed.session.id;
  const cancelled = await write(host, 'form', () =>
    client.request(cancelSessionRef, { params: { sessionId }, body: { reason } }),
  );
  if (!cancelled) return;
  host.emit('nassij-session-cancel', { sessionId, reason });
  await host.refresh();
  await host.show({ kind: 'list' });
  done(host, `course-${courseId}`, host.t('sm.cancel.done', { dates: dates(host, managed) }));
  await focus(host, `[data-session="${CSS.escape(sessionId)}"] button[data-desk]`);
}

function cancelForm(host: Host, courseId: string, sessionId: string): TemplateResult {
  const { row, session: managed } = host.find(courseId, sessionId);
  if (!row || !managed) return html`<p class="error" role="alert">${errorMessage(host, 'not_found')}</p>`;
  return html`<h3 id="sm-screen-h" tabindex="-1">${host.t('sm.cancel.title')}</h3>
    <p>${text(host, row.managed.course.title)} — ${dates(host, managed)}</p>
    <p>${host.t('sm.cancel.hint', { count: managed.counts.confirmed + managed.counts.waitlisted })}</p>
    <form class="cancel-form" novalidate @submit=${(e: SubmitEvent) => void cancel(host, courseId, managed, e)}>
      ${field(host, { id: 'x-reason', label: host.t('sm.cancel.reason'), multiline: true })}
      ${refusal(host, 'form')}
      <p class="form-actions">
        <button class="nassij-button confirm-cancel" part="button" type="submit" ?disabled=${host.busy}>
          ${host.t('sm.cancel.confirm')}</button>
      </p>
    </form>`;
}

/**
 * The form a screen shows: a course, a session, or a cancellation.
 *
 * @example
 * ```ts
 * renderForm(manager, { kind: 'course' });
 * ```
 */
export function renderForm(host: Host, screen: SessionManagerScreen): unknown {
  if (screen.kind === 'course') return courseForm(host, screen.courseId);
  if (screen.kind === 'session') return sessionForm(host, screen.courseId, screen.sessionId);
  if (screen.kind === 'cancel') return cancelForm(host, screen.courseId, screen.sessionId);
  return nothing;
}

/**
 * Before a form that changes a course or a session opens: reads its ETag (the change is sent `If-Match`, so
 * that someone else's change meanwhile is not overwritten unseen) and sets the place's kind.
 *
 * @example
 * ```ts
 * await prepare(manager, { kind: 'course', courseId: 'crs_1' });
 * ```
 */
export async function prepare(host: Host, screen: SessionManagerScreen): Promise<void> {
  host.etag = undefined;
  if (screen.kind === 'session') {
    const where = host.find(screen.courseId, screen.sessionId).session?.session.location;
    host.placeKind = where?.kind === 'online' ? 'online' : 'on_site';
  }
  const client = host.resolvedClient;
  if (!client) return;
  try {
    if (screen.kind === 'course' && screen.courseId)
      host.etag = (
        await client.transport.opWithEtag(getManagedCourseRef, { params: { courseId: screen.courseId } })
      ).etag;
    if (screen.kind === 'session' && screen.sessionId)
      host.etag = (
        await client.transport.opWithEtag(getManagedSessionRef, { params: { sessionId: screen.sessionId } })
      ).etag;
  } catch {
    // Without an ETag the change is sent with `*`; the save's own failure, if any, is shown.
  }
}

/**
 * Publishes a draft course: it joins the public catalogue, and sessions may then be scheduled.
 *
 * @example
 * ```ts
 * await publishCourse(manager, 'crs_1');
 * ```
 */
export async function publishCourse(host: Host, courseId: string): Promise<void> {
  const client = host.resolvedClient;
  if (!client) return;
  const published = await write(host, `course-${courseId}`, () =>
    client.request(publishCourseRef, { params: { courseId } }),
  );
  if (!published) return;
  host.emit('nassij-course-save', { courseId, created: false });
  await host.refresh();
  done(
    host,
    `course-${courseId}`,
    host.t('sm.course.publishedNow', { title: plain(host.locale, published.course.title) }),
  );
  await focus(host, `[data-course="${CSS.escape(courseId)}"] button[data-new-session]`);
}

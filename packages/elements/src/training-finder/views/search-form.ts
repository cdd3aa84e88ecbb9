import { COMPETENCY_CODES, COMPETENCY_NAMES, type Locale, REGIONS } from '@nassij/contract';
import { html, type TemplateResult } from 'lit';
import { plain } from '../../base/states.js';
import type { TrainingFilters } from '../filters.js';
import type { NassijTrainingFinder } from '../nassij-training-finder.js';

// The search box and the facets. Every change applies at once (and, in client mode, asks the server).

const LEVELS = [1, 2, 3] as const;
const MODALITIES = ['on_site', 'online', 'blended'] as const;
const LANGUAGES: readonly Locale[] = ['ar', 'fr', 'zgh', 'en'];

type ListFilter = 'competency' | 'modality' | 'region' | 'language';

const chosenValue = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value;
const isChecked = (event: Event) => (event.target as HTMLInputElement).checked;

/** The search form and the facets beside the results. */
export function renderSearchForm(host: NassijTrainingFinder): TemplateResult {
  return html`<form class="search" role="search" @submit=${(e: SubmitEvent) => {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
    host.setFilters({ q: input.value.trim() });
  }}>
      <label class="visually-hidden" for="q">${host.t('tf.search.label')}</label>
      <input class="nassij-input" id="q" name="q" type="search" .value=${host.filters.q} />
      <button class="nassij-button" part="button" type="submit">${host.t('action.search')}</button>
    </form>
    <section aria-labelledby="filters-title">
      <h3 id="filters-title" class="visually-hidden">${host.t('tf.filters')}</h3>
      ${renderSelect(host, 'competency', COMPETENCY_CODES, (code) => plain(host.locale, COMPETENCY_NAMES[code]))}
      <fieldset>
        <legend>${host.t('tf.facet.level')}</legend>
        ${LEVELS.map((level) =>
          check(
            'level',
            String(level),
            host.filters.level.includes(level),
            host.t(`tf.level.${level}`),
            (on) => {
              const rest = host.filters.level.filter((l) => l !== level);
              host.setFilters({ level: on ? [...rest, level] : rest });
            },
          ),
        )}
      </fieldset>
      ${renderChecks(host, 'modality', MODALITIES, (m) => host.t(`tf.modality.${m}`))}
      ${renderSelect(
        host,
        'region',
        REGIONS.map((r) => r.code),
        (code) => plain(host.locale, REGIONS.find((r) => r.code === code)?.name),
      )}
      ${renderChecks(host, 'language', LANGUAGES, (l) => host.t(`tf.lang.${l}`))}
      ${renderDates(host)}
      <fieldset>
        <legend>${host.t('tf.facet.other')}</legend>
        ${check('free', '', host.filters.free, host.t('tf.facet.free'), (on) => host.setFilters({ free: on }))}
        ${check('seats', '', host.filters.seatsAvailable, host.t('tf.facet.seats'), (on) =>
          host.setFilters({ seatsAvailable: on }),
        )}
      </fieldset>
    </section>`;
}

function check(name: string, value: string, checked: boolean, label: string, set: (on: boolean) => void) {
  return html`<label class="check"><input type="checkbox" name=${name} .value=${value} .checked=${checked}
    @change=${(e: Event) => set(isChecked(e))} />${label}</label>`;
}

/** A one-choice facet as a select ("any" first). */
function renderSelect<T extends string>(
  host: NassijTrainingFinder,
  key: 'competency' | 'region',
  values: readonly T[],
  name: (value: T) => string,
): TemplateResult {
  const chosen = host.filters[key];
  const any = key === 'competency' ? 'tf.facet.anyCompetency' : 'tf.facet.anyRegion';
  return html`<div class="field">
    <label for=${key}>${host.t(`tf.facet.${key}`)}</label>
    <select class="nassij-input" id=${key} @change=${(e: Event) => {
      const value = chosenValue(e);
      host.setFilters({ [key]: value ? [value] : [] });
    }}>
      <option value="" ?selected=${!chosen.length}>${host.t(any)}</option>
      ${values.map((v) => html`<option value=${v} ?selected=${chosen.includes(v)}>${name(v)}</option>`)}
    </select>
  </div>`;
}

/** A many-choice facet as checkboxes. */
function renderChecks<T extends string>(
  host: NassijTrainingFinder,
  key: Exclude<ListFilter, 'competency' | 'region'>,
  values: readonly T[],
  label: (value: T) => string,
): TemplateResult {
  const chosen: TrainingFilters[typeof key] = host.filters[key];
  return html`<fieldset>
    <legend>${host.t(`tf.facet.${key}`)}</legend>
    ${values.map((v) =>
      check(key, v, chosen.includes(v), label(v), (on) => {
        const rest = chosen.filter((c) => c !== v);
        host.setFilters({ [key]: on ? [...rest, v] : rest });
      }),
    )}
  </fieldset>`;
}

function renderDates(host: NassijTrainingFinder): TemplateResult {
  const date = (key: 'from' | 'to') => html`<div class="field">
    <label for=${key}>${host.t(`tf.facet.${key}`)}</label>
    <input class="nassij-input" id=${key} type="date" .value=${host.filters[key]}
      @change=${(e: Event) => host.setFilters({ [key]: chosenValue(e) })} />
  </div>`;
  return html`<fieldset><legend>${host.t('tf.facet.dates')}</legend>${date('from')}${date('to')}</fieldset>`;
}

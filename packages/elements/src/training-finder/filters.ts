import type { Course, Locale, RegionCode, SessionSummary } from '@nassij/contract';

// The finder's filters: the same rules in the page (data mode) as on the server (client mode).

/** The search and facet values of the finder; what `nassij-course-search` carries in its `detail`. */
export interface TrainingFilters {
  q: string;
  competency: string[];
  level: number[];
  modality: string[];
  region: string[];
  language: string[];
  /** Calendar dates `YYYY-MM-DD` (Casablanca), empty when unset. */
  from: string;
  to: string;
  free: boolean;
  seatsAvailable: boolean;
}

/** No filter set. */
export const emptyFilters = (): TrainingFilters => ({
  q: '',
  competency: [],
  level: [],
  modality: [],
  region: [],
  language: [],
  from: '',
  to: '',
  free: false,
  seatsAvailable: false,
});

/**
 * Whether a session passes the session filters: held on site in one of the chosen regions (an online session
 * is in no region), starting within the dates.
 */
export function sessionMatches(session: SessionSummary, f: TrainingFilters): boolean {
  const where = session.location;
  if (f.region.length && !(where.kind === 'on_site' && f.region.includes(where.region))) return false;
  const day = session.period.start.slice(0, 10);
  if (f.from && day < f.from) return false;
  if (f.to && day > f.to) return false;
  return true;
}

/**
 * The sessions of a course to offer: only those the filters keep, so that a regional page never offers a
 * session held in another region (the server does the same; this also guards pages given other data).
 */
export function shownSessions(course: Course, f: TrainingFilters): SessionSummary[] {
  return (course.nextSessions ?? []).filter((s) => sessionMatches(s, f));
}

/** Whether a course passes the filters; data mode filters in the page, client mode on the server. */
export function courseMatches(course: Course, f: TrainingFilters): boolean {
  if (f.q) {
    const needle = f.q.toLocaleLowerCase();
    const hay = [course.title, course.description, course.targetAudience]
      .flatMap((text) => Object.values(text))
      .join(' ')
      .toLocaleLowerCase();
    if (!hay.includes(needle)) return false;
  }
  if (f.competency.length && !course.competencies.some((c) => f.competency.includes(c.code))) return false;
  if (f.level.length && !course.competencies.some((c) => f.level.includes(c.level))) return false;
  if (f.modality.length && !f.modality.includes(course.modality)) return false;
  if (f.free && !course.cost.free) return false;
  if (f.language.length && !course.languages.some((l) => f.language.includes(l))) return false;
  const sessions = shownSessions(course, f);
  if ((f.region.length || f.from || f.to) && sessions.length === 0) return false;
  if (f.seatsAvailable && !sessions.some((s) => s.seatsLeft > 0)) return false;
  return true;
}

/** The query of `GET /v1/courses` for the filters. */
export function courseQuery(f: TrainingFilters, limit: number) {
  const list = <T>(values: T[]) => (values.length ? values : undefined);
  return {
    q: f.q || undefined,
    competency: list(f.competency),
    level: list(f.level as (1 | 2 | 3)[]),
    modality: list(f.modality as ('on_site' | 'online' | 'blended')[]),
    region: list(f.region as RegionCode[]),
    language: list(f.language as Locale[]),
    from: f.from ? `${f.from}T00:00:00Z` : undefined,
    to: f.to ? `${f.to}T23:59:59Z` : undefined,
    free: f.free || undefined,
    seatsAvailable: f.seatsAvailable || undefined,
    limit,
  };
}

import * as z from 'zod/mini';
import { Code, Id } from '../shared/ids.js';
import { Instant } from '../shared/instant.js';
import { LocalizedText } from '../shared/localized-text.js';

/** A level of the competency framework: 1 (initiation), 2 (consolidation), 3 (mastery). */
const Level = /* @__PURE__ */ (() => z.literal([1, 2, 3]))();

/**
 * One completed training that brought a competency: the course, its session and when it ended.
 *
 * @example
 * ```ts
 * const acquisition: CompetencyAcquisition = { courseId: 'crs_1', courseTitle: { fr: 'Gestion financière' },
 *   sessionId: 'ses_1', level: 2, completedOn: '2026-05-14T16:00:00Z' };
 * ```
 */
export const CompetencyAcquisition = /* @__PURE__ */ (() =>
  z.strictObject({
    courseId: Id,
    courseTitle: LocalizedText,
    sessionId: Id,
    level: Level,
    /** When the session ended. */
    completedOn: Instant,
    /** The certificate of this completion, on the person's own record only. */
    certificateId: z.optional(Id),
  }))();
export type CompetencyAcquisition = z.infer<typeof CompetencyAcquisition>;

/**
 * A competency of the framework acquired through completed trainings, with the highest level reached.
 *
 * @example
 * ```ts
 * const record: CompetencyRecord = { code: 'financial-management', name: { fr: 'Gestion financière' },
 *   highestLevel: 2, acquisitions: [acquisition] };
 * ```
 */
export const CompetencyRecord = /* @__PURE__ */ (() =>
  z.strictObject({
    code: Code,
    name: z.optional(LocalizedText),
    highestLevel: Level,
    /** Most recent first. */
    acquisitions: z.array(CompetencyAcquisition),
  }))();
export type CompetencyRecord = z.infer<typeof CompetencyRecord>;

/**
 * The competencies an association's members acquired in completed trainings, as the public sees them: no
 * person is named.
 *
 * @example
 * ```ts
 * const competencies: AssociationCompetencies = { associationId: 'asso_12', competencies: [record] };
 * ```
 */
export const AssociationCompetencies = /* @__PURE__ */ (() =>
  z.strictObject({
    associationId: Id,
    competencies: z.array(CompetencyRecord),
  }))();
export type AssociationCompetencies = z.infer<typeof AssociationCompetencies>;

/**
 * The signed-in person's own competencies, each completion with its certificate when one was issued.
 *
 * @example
 * ```ts
 * const mine: MyCompetencies = { competencies: [{ ...record, acquisitions: [{ ...acquisition, certificateId: 'cert_x' }] }] };
 * ```
 */
export const MyCompetencies = /* @__PURE__ */ (() =>
  z.strictObject({
    competencies: z.array(CompetencyRecord),
  }))();
export type MyCompetencies = z.infer<typeof MyCompetencies>;

/**
 * Path parameters of `/v1/associations/{associationId}/competencies`.
 *
 * @example
 * ```ts
 * AssociationCompetenciesParams.parse({ associationId: 'asso_12' });
 * ```
 */
export const AssociationCompetenciesParams = /* @__PURE__ */ (() => z.strictObject({ associationId: Id }))();
export type AssociationCompetenciesParams = z.infer<typeof AssociationCompetenciesParams>;

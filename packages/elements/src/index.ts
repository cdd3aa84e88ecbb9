export {
  type ApplicationPhase,
  type Membership,
  NassijApplicationForm,
  type NassijApplicationFormEventMap,
  type NassijApplicationSaveDetail,
  type NassijApplicationSubmitDetail,
  type NassijApplicationWithdrawDetail,
} from './application-form/nassij-application-form.js';
export {
  NassijAssociationDirectory,
  type NassijAssociationDirectoryEventMap,
  type NassijAssociationSelectDetail,
} from './association-directory/nassij-association-directory.js';
export {
  type NassijApplicationOpenDetail,
  NassijAssociationSpace,
  type NassijAssociationSpaceEventMap,
  type NassijSpaceChangeDetail,
  rightsOf,
  SPACE_SECTIONS,
  type SpaceData,
  type SpaceHome,
  type SpacePart,
  type SpaceRights,
  type SpaceSection,
} from './association-space/nassij-association-space.js';
export {
  type BaseClient,
  CONTEXT_REQUEST,
  type ContextRequestDetail,
  clientFor,
  normalizeApiBase,
  PROVIDER_CONNECTED,
} from './base/client.js';
export { defineElement, type NassijRegistry, nassijRegistry } from './base/define.js';
export { DEFAULT_LOCALE, NassijElement, type NassijErrorDetail } from './base/nassij-element.js';
export {
  ResourceController,
  type ResourceOptions,
  type ResourceStatus,
  type ResourceViews,
} from './base/resource.js';
export {
  type ElementErrorCode,
  errorCodeOf,
  errorMessage,
  LiveAnnouncer,
  OnlineController,
  renderEmpty,
  renderError,
  renderLoading,
  renderOffline,
} from './base/states.js';
export { VERSION } from './base/version.js';
export {
  type CallSaveState,
  type LoadedCall,
  type NassijCallAmendedDetail,
  type NassijCallDetail,
  NassijCallEditor,
  type NassijCallEditorEventMap,
  type NassijCallEndedDetail,
  type NassijCallPublishedDetail,
  type NassijCallSavedDetail,
} from './call-editor/nassij-call-editor.js';
export {
  type NassijApplyDetail,
  NassijCallList,
  type NassijCallListEventMap,
  type NassijCallSearchDetail,
  type NassijCallSelectDetail,
  VIRTUALIZE_AFTER,
} from './call-list/nassij-call-list.js';
export {
  type CallDesk,
  type NassijCallDecideDetail,
  type NassijCallEditDetail,
  NassijCallManager,
  type NassijCallManagerEventMap,
  type NassijEligibilityCheckDetail,
  type NassijResultsPublishDetail,
  type NassijReviewersChangeDetail,
} from './call-manager/nassij-call-manager.js';
export {
  type NassijArticleOpenDetail,
  NassijConsultation,
  type NassijConsultationEventMap,
  type NassijContributeDetail,
  type NassijContributionQueueDetail,
} from './consultation/nassij-consultation.js';
export {
  type ConsultationListing,
  type ConsultationSaveState,
  type LoadedConsultation,
  type NassijConsultationClosedDetail,
  type NassijConsultationDraftDetail,
  NassijConsultationEditor,
  type NassijConsultationEditorEventMap,
  type NassijConsultationPublishedDetail,
  type NassijConsultationSavedDetail,
  type NassijConsultationVersionDetail,
  type PasteState,
  type RemovedArticle,
} from './consultation-editor/nassij-consultation-editor.js';
export {
  type ConsultationFilters,
  NassijConsultationList,
  type NassijConsultationListEventMap,
  type NassijConsultationSearchDetail,
  type NassijConsultationSelectDetail,
} from './consultation-list/nassij-consultation-list.js';
export { catalogProblems, SHARED_MESSAGES } from './i18n/catalogs.js';
export type { SharedMessageKey } from './i18n/en.js';
export { type Formatters, formatters } from './i18n/format.js';
export { loadCatalog, loadedCatalog } from './i18n/load.js';
export {
  type Catalog,
  type Catalogs,
  defineMessages,
  interpolate,
  type LazyLocale,
  type Loader,
  type Message,
  type MessageParams,
  type PluralMessage,
  selectPlural,
} from './i18n/messages.js';
export { type PluralCategory, pluralCategories, pluralCategory } from './i18n/plural.js';
export {
  NassijIndicators,
  type NassijIndicatorsChangeDetail,
  type NassijIndicatorsEventMap,
} from './indicators/nassij-indicators.js';
export {
  type NassijModerateDetail,
  NassijModerationQueue,
  type NassijModerationQueueEventMap,
} from './moderation-queue/nassij-moderation-queue.js';
export { NassijProvider } from './provider/nassij-provider.js';
export {
  type NassijDecideDetail,
  type NassijDeclareDetail,
  NassijReviewPanel,
  type NassijReviewPanelEventMap,
  type NassijReviewSubmitDetail,
} from './review-panel/nassij-review-panel.js';
export {
  type CourseRow,
  type EvaluationSummary,
  type IssuedCertificate,
  type NassijAttendanceSaveDetail,
  type NassijCertificateIssueDetail,
  type NassijCourseSaveDetail,
  type NassijSessionCancelDetail,
  NassijSessionManager,
  type NassijSessionManagerEventMap,
  type NassijSessionSaveDetail,
  type SessionDesk,
} from './session-manager/nassij-session-manager.js';
export { baseStyles, sharedStyles, tokens } from './styles/index.js';
export {
  NassijSubscribe,
  type NassijSubscribeDetail,
  type NassijSubscribeEventMap,
  type SubscribeStatus,
} from './subscribe/nassij-subscribe.js';
export {
  type LoadedSynthesis,
  NassijSynthesisEditor,
  type NassijSynthesisEditorEventMap,
  type NassijSynthesisPublishedDetail,
  type NassijSynthesisSavedDetail,
  type SynthesisSaveState,
} from './synthesis-editor/nassij-synthesis-editor.js';
export {
  courseMatches,
  type NassijCourseSearchDetail,
  type NassijRegisterDetail,
  type NassijRegistrationCancelDetail,
  type NassijSignInDetail,
  NassijTrainingFinder,
  type NassijTrainingFinderEventMap,
  type TrainingFilters,
} from './training-finder/nassij-training-finder.js';

export {
  type ApplicationPhase,
  type Membership,
  NassijApplicationForm,
} from './application-form/nassij-application-form.js';
export { NassijAssociationDirectory } from './association-directory/nassij-association-directory.js';
export {
  type BaseClient,
  CONTEXT_REQUEST,
  type ContextRequestDetail,
  clientFor,
  normalizeApiBase,
  PROVIDER_CONNECTED,
} from './base/client.js';
export { defineElement, type NassijRegistry, nassijRegistry } from './base/define.js';
export { DEFAULT_LOCALE, NassijElement } from './base/nassij-element.js';
export {
  type ClientErrorCode,
  errorCodeOf,
  LiveAnnouncer,
  OnlineController,
  renderEmpty,
  renderError,
  renderLoading,
  renderOffline,
} from './base/states.js';
export { VERSION } from './base/version.js';
export { NassijCallList, VIRTUALIZE_AFTER } from './call-list/nassij-call-list.js';
export { NassijConsultation } from './consultation/nassij-consultation.js';
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
export { NassijIndicators } from './indicators/nassij-indicators.js';
export { NassijProvider } from './provider/nassij-provider.js';
export { baseStyles, sharedStyles, tokens } from './styles/index.js';
export {
  courseMatches,
  NassijTrainingFinder,
  type TrainingFilters,
} from './training-finder/nassij-training-finder.js';

export {
  CONTEXT_REQUEST,
  type ContextRequestDetail,
  clientFor,
  type NassijClient,
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
export { catalogProblems, SHARED_MESSAGES } from './i18n/catalogs.js';
export type { SharedMessageKey } from './i18n/en.js';
export { type Formatters, formatters } from './i18n/format.js';
export {
  type Catalog,
  type Catalogs,
  defineMessages,
  interpolate,
  type Message,
  type MessageParams,
  type PluralMessage,
  selectPlural,
} from './i18n/messages.js';
export { type PluralCategory, pluralCategories, pluralCategory } from './i18n/plural.js';
export { NassijProvider } from './provider/nassij-provider.js';
export { baseStyles, sharedStyles, tokens } from './styles/index.js';

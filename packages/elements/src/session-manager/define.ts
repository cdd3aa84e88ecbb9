// `@nassij/elements/session-manager.js`: registers <nassij-session-manager> (importing it is the side effect)
// and re-exports the class and its types. `@nassij/elements/session-manager/class.js` is the class alone, to
// register under a tag of your own.
import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijSessionManager } from './nassij-session-manager.js';

export * from './nassij-session-manager.js';

defineElement('nassij-session-manager', NassijSessionManager, VERSION);

// `@nassij/elements/call-manager.js`: registers <nassij-call-manager> (importing it is the side effect) and
// re-exports the class and its types. `@nassij/elements/call-manager/class.js` is the class alone, to register
// under a tag of your own.
import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijCallManager } from './nassij-call-manager.js';

export * from './nassij-call-manager.js';

defineElement('nassij-call-manager', NassijCallManager, VERSION);

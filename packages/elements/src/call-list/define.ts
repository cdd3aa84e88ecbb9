// `@nassij/elements/call-list.js`: registers <nassij-call-list> (importing it is the side effect) and re-exports
// the class and its types. `@nassij/elements/call-list/class.js` is the class alone, to register under a tag of
// your own.
import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijCallList } from './nassij-call-list.js';

export * from './nassij-call-list.js';

defineElement('nassij-call-list', NassijCallList, VERSION);

// `@nassij/elements/consultation-list.js`: registers <nassij-consultation-list> (importing it is the side effect)
// and re-exports the class and its types. `@nassij/elements/consultation-list/class.js` is the class alone, to
// register under a tag of your own.
import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijConsultationList } from './nassij-consultation-list.js';

export * from './nassij-consultation-list.js';

defineElement('nassij-consultation-list', NassijConsultationList, VERSION);

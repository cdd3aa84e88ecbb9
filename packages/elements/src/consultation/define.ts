// `@nassij/elements/consultation.js`: registers <nassij-consultation> (importing it is the side effect) and
// re-exports the class and its types. `@nassij/elements/consultation/class.js` is the class alone, to register
// under a tag of your own.
import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijConsultation } from './nassij-consultation.js';

export * from './nassij-consultation.js';

defineElement('nassij-consultation', NassijConsultation, VERSION);

// `@nassij/elements/application-form.js`: registers <nassij-application-form> (importing it is the side effect)
// and re-exports the class and its types. `@nassij/elements/application-form/class.js` is the class alone, to
// register under a tag of your own.
import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijApplicationForm } from './nassij-application-form.js';

export * from './nassij-application-form.js';

defineElement('nassij-application-form', NassijApplicationForm, VERSION);

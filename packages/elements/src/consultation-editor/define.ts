// `@nassij/elements/consultation-editor.js`: registers <nassij-consultation-editor> (importing it is the side
// effect) and re-exports the class and its types. `@nassij/elements/consultation-editor/class.js` is the class
// alone, to register under a tag of your own.
import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijConsultationEditor } from './nassij-consultation-editor.js';

export * from './nassij-consultation-editor.js';

defineElement('nassij-consultation-editor', NassijConsultationEditor, VERSION);

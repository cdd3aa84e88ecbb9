// `@nassij/elements/synthesis-editor.js`: registers <nassij-synthesis-editor> (importing it is the side effect)
// and re-exports the class and its types. `@nassij/elements/synthesis-editor/class.js` is the class alone, to
// register under a tag of your own.
import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijSynthesisEditor } from './nassij-synthesis-editor.js';

export * from './nassij-synthesis-editor.js';

defineElement('nassij-synthesis-editor', NassijSynthesisEditor, VERSION);

// `@nassij/elements/call-editor.js`: registers <nassij-call-editor> (importing it is the side effect) and
// re-exports the class and its types. `@nassij/elements/call-editor/class.js` is the class alone, to register
// under a tag of your own.
import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijCallEditor } from './nassij-call-editor.js';

export * from './nassij-call-editor.js';

defineElement('nassij-call-editor', NassijCallEditor, VERSION);

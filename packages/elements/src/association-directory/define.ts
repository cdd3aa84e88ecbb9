// `@nassij/elements/association-directory.js`: registers <nassij-association-directory> (importing it is the side
// effect) and re-exports the class and its types. `@nassij/elements/association-directory/class.js` is the class
// alone, to register under a tag of your own.
import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijAssociationDirectory } from './nassij-association-directory.js';

export * from './nassij-association-directory.js';

defineElement('nassij-association-directory', NassijAssociationDirectory, VERSION);

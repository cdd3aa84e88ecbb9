// `@nassij/elements/association-space.js`: registers <nassij-association-space> (importing it is the side
// effect) and re-exports the class and its types. `@nassij/elements/association-space/class.js` is the class
// alone, to register under a tag of your own.
import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijAssociationSpace } from './nassij-association-space.js';

export * from './nassij-association-space.js';

defineElement('nassij-association-space', NassijAssociationSpace, VERSION);

// `@nassij/elements/training-finder.js`: registers <nassij-training-finder> (importing it is the side effect) and
// re-exports the class and its types. `@nassij/elements/training-finder/class.js` is the class alone, to register
// under a tag of your own.
import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijTrainingFinder } from './nassij-training-finder.js';

export * from './nassij-training-finder.js';

defineElement('nassij-training-finder', NassijTrainingFinder, VERSION);

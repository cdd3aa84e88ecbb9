// `@nassij/elements/indicators.js`: registers <nassij-indicators> (importing it is the side effect) and re-exports
// the class and its types. `@nassij/elements/indicators/class.js` is the class alone, to register under a tag of
// your own.
import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijIndicators } from './nassij-indicators.js';

export * from './nassij-indicators.js';

defineElement('nassij-indicators', NassijIndicators, VERSION);

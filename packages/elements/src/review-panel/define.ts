// `@nassij/elements/review-panel.js`: registers <nassij-review-panel> (importing it is the side effect) and
// re-exports the class and its types. `@nassij/elements/review-panel/class.js` is the class alone, to register
// under a tag of your own.
import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijReviewPanel } from './nassij-review-panel.js';

export * from './nassij-review-panel.js';

defineElement('nassij-review-panel', NassijReviewPanel, VERSION);

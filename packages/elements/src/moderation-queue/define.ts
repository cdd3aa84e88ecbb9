// `@nassij/elements/moderation-queue.js`: registers <nassij-moderation-queue> (importing it is the side effect)
// and re-exports the class and its types. `@nassij/elements/moderation-queue/class.js` is the class alone, to
// register under a tag of your own.
import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijModerationQueue } from './nassij-moderation-queue.js';

export * from './nassij-moderation-queue.js';

defineElement('nassij-moderation-queue', NassijModerationQueue, VERSION);

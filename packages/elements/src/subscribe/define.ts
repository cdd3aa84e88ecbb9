// `@nassij/elements/subscribe.js`: registers <nassij-subscribe> (importing it is the side effect) and re-exports
// the class and its types. `@nassij/elements/subscribe/class.js` is the class alone, to register under a tag
// of your own.
import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijSubscribe } from './nassij-subscribe.js';

export * from './nassij-subscribe.js';

defineElement('nassij-subscribe', NassijSubscribe, VERSION);

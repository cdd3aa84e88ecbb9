// `@nassij/elements/provider.js`: registers <nassij-provider> (importing it is the side effect) and re-exports the
// class and its types. `@nassij/elements/provider/class.js` is the class alone, to register under a tag of your
// own.
import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijProvider } from './nassij-provider.js';

export * from './nassij-provider.js';

defineElement('nassij-provider', NassijProvider, VERSION);

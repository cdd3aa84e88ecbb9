import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijProvider } from './nassij-provider.js';

defineElement('nassij-provider', NassijProvider, VERSION);

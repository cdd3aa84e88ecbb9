import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijTrainingFinder } from './nassij-training-finder.js';

defineElement('nassij-training-finder', NassijTrainingFinder, VERSION);

import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijIndicators } from './nassij-indicators.js';

defineElement('nassij-indicators', NassijIndicators, VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'nassij-indicators': NassijIndicators;
  }
}

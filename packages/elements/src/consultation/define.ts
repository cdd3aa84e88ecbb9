import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijConsultation } from './nassij-consultation.js';

defineElement('nassij-consultation', NassijConsultation, VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'nassij-consultation': NassijConsultation;
  }
}

import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijConsultationList } from './nassij-consultation-list.js';

defineElement('nassij-consultation-list', NassijConsultationList, VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'nassij-consultation-list': NassijConsultationList;
  }
}

import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijCallList } from './nassij-call-list.js';

defineElement('nassij-call-list', NassijCallList, VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'nassij-call-list': NassijCallList;
  }
}

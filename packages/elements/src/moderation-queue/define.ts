import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijModerationQueue } from './nassij-moderation-queue.js';

defineElement('nassij-moderation-queue', NassijModerationQueue, VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'nassij-moderation-queue': NassijModerationQueue;
  }
}

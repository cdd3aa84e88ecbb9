import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijReviewPanel } from './nassij-review-panel.js';

// Registers <nassij-review-panel>; importing this module is the side effect.
defineElement('nassij-review-panel', NassijReviewPanel, VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'nassij-review-panel': NassijReviewPanel;
  }
}

import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijApplicationForm } from './nassij-application-form.js';

// Registers <nassij-application-form>; importing this module is the side effect.
defineElement('nassij-application-form', NassijApplicationForm, VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'nassij-application-form': NassijApplicationForm;
  }
}

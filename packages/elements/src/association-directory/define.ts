import { defineElement } from '../base/define.js';
import { VERSION } from '../base/version.js';
import { NassijAssociationDirectory } from './nassij-association-directory.js';

defineElement('nassij-association-directory', NassijAssociationDirectory, VERSION);

declare global {
  interface HTMLElementTagNameMap {
    'nassij-association-directory': NassijAssociationDirectory;
  }
}

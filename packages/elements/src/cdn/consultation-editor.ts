// CDN entry: `<script type="module" src=".../cdn/consultation-editor.js">` defines <nassij-consultation-editor>.
import '../consultation-editor/define.js';

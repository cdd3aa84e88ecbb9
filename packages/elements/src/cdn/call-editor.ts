// CDN entry: `<script type="module" src=".../cdn/call-editor.js">` defines <nassij-call-editor>.
import '../call-editor/define.js';

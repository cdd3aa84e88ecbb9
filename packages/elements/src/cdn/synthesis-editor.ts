// CDN entry: `<script type="module" src=".../cdn/synthesis-editor.js">` defines <nassij-synthesis-editor>.
import '../synthesis-editor/define.js';

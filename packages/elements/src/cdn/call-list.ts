// CDN entry: `<script type="module" src=".../cdn/call-list.js">` defines <nassij-call-list>.
import '../call-list/define.js';

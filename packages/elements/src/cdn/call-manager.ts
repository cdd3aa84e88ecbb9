// CDN entry: `<script type="module" src=".../cdn/call-manager.js">` defines <nassij-call-manager>.
import '../call-manager/define.js';

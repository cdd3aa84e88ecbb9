// CDN entry: `<script type="module" src=".../cdn/consultation-list.js">` defines <nassij-consultation-list>.
import '../consultation-list/define.js';

// CDN entry: `<script type="module" src=".../cdn/review-panel.js">` defines <nassij-review-panel>.
import '../review-panel/define.js';

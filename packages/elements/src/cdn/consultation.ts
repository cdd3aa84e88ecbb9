// CDN entry: `<script type="module" src=".../cdn/consultation.js">` defines <nassij-consultation>.
import '../consultation/define.js';

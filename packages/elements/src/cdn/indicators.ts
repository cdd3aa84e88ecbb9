// CDN entry: `<script type="module" src=".../cdn/indicators.js">` defines <nassij-indicators>.
import '../indicators/define.js';

// CDN entry: `<script type="module" src=".../cdn/association-space.js">` defines <nassij-association-space>.
import '../association-space/define.js';

// CDN entry: `<script type="module" src=".../cdn/association-directory.js">` defines <nassij-association-directory>.
import '../association-directory/define.js';

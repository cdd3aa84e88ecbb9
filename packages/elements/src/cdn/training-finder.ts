// CDN entry: `<script type="module" src=".../cdn/training-finder.js">` defines <nassij-training-finder>.
import '../training-finder/define.js';

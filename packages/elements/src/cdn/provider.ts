// CDN entry: `<script type="module" src=".../cdn/provider.js">` defines <nassij-provider>.
import '../provider/define.js';

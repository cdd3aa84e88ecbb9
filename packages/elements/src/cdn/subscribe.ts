// CDN entry: `<script type="module" src=".../cdn/subscribe.js">` defines <nassij-subscribe>.
import '../subscribe/define.js';

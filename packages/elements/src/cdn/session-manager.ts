// CDN entry: `<script type="module" src=".../cdn/session-manager.js">` defines <nassij-session-manager>.
import '../session-manager/define.js';

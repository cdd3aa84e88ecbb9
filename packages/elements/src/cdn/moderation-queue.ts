// CDN entry: `<script type="module" src=".../cdn/moderation-queue.js">` defines <nassij-moderation-queue>.
import '../moderation-queue/define.js';

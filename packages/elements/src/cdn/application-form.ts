// CDN entry: `<script type="module" src=".../cdn/application-form.js">` defines <nassij-application-form>.
import '../application-form/define.js';

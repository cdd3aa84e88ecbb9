// The ministry intranet's glue, loaded as a file of its own (the page's CSP allows no inline script): "Edit"
// in <nassij-call-manager> (the `nassij-call-edit` event) and the page's "New call" button open
// <nassij-call-editor> below the list, its CDN bundle loaded on first use; a call created, published,
// amended or ended there reloads the manager's list. Both elements use `api-base="/"`, so they share one
// client and one sign-in. Where this server has no editor bundle yet, the page says so and links the guide.

const manager = document.querySelector('nassij-call-manager');
const section = document.getElementById('call-editor');
const heading = document.getElementById('call-editor-title');
const missing = document.getElementById('call-editor-missing');

/** @type {Promise<boolean> | undefined} */
let loading;

/** Loads the editor's bundle once; resolves `false` when this server has none (tried again next time). */
function editorAvailable() {
  if (customElements.get('nassij-call-editor')) return Promise.resolve(true);
  loading ??= import('/cdn/call-editor.js').then(
    () => true,
    () => {
      loading = undefined;
      return false;
    },
  );
  return loading;
}

/** Shows the editor on `callId` (a new draft without one), then moves the focus to its heading. */
async function openEditor(callId) {
  if (!section || !heading || !missing) return;
  section.hidden = false;
  let editor = section.querySelector('nassij-call-editor');
  if (await editorAvailable()) {
    missing.hidden = true;
    if (!editor) {
      editor = document.createElement('nassij-call-editor');
      editor.setAttribute('api-base', '/');
      section.append(editor);
    }
    if (callId) editor.setAttribute('call-id', callId);
    else editor.removeAttribute('call-id');
  } else {
    editor?.remove();
    missing.hidden = false;
  }
  heading.focus();
}

document.addEventListener('nassij-call-edit', (event) => void openEditor(event.detail.callId));
document.getElementById('new-call')?.addEventListener('click', () => void openEditor(undefined));
for (const name of [
  'nassij-call-created',
  'nassij-call-published',
  'nassij-call-amended',
  'nassij-call-ended',
])
  document.addEventListener(name, () => void manager?.load());

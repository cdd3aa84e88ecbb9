// The CDN loader `nassij.js`: one small script for any page. It finds the `nassij-*` tags in the document
// (and those added later) and imports only the bundles they need; Lit and the SDK come as shared chunks,
// loaded once. Loading it twice is harmless: the second copy finds the first one's observer and stops.

/** What each tag needs. Static `import()` strings, so that rollup emits them as chunks beside this file. */
const LOADERS: Record<string, () => Promise<unknown>> = {
  'nassij-indicators': () => import('./indicators.js'),
  'nassij-association-directory': () => import('./association-directory.js'),
  'nassij-provider': () => import('./provider.js'),
  'nassij-call-list': () => import('./call-list.js'),
  'nassij-training-finder': () => import('./training-finder.js'),
  'nassij-consultation': () => import('./consultation.js'),
  'nassij-consultation-list': () => import('./consultation-list.js'),
  'nassij-moderation-queue': () => import('./moderation-queue.js'),
  'nassij-application-form': () => import('./application-form.js'),
  'nassij-review-panel': () => import('./review-panel.js'),
  'nassij-call-manager': () => import('./call-manager.js'),
  'nassij-session-manager': () => import('./session-manager.js'),
  'nassij-call-editor': () => import('./call-editor.js'),
  'nassij-consultation-editor': () => import('./consultation-editor.js'),
  'nassij-synthesis-editor': () => import('./synthesis-editor.js'),
  'nassij-association-space': () => import('./association-space.js'),
  'nassij-subscribe': () => import('./subscribe.js'),
};

interface LoaderState {
  requested: Set<string>;
  observer?: MutationObserver;
}

const scope = globalThis as { __nassijLoader?: LoaderState };

function load(tag: string, state: LoaderState): void {
  const loader = LOADERS[tag];
  if (!loader || state.requested.has(tag) || customElements.get(tag)) return;
  state.requested.add(tag);
  loader().catch((error: unknown) => {
    // Let a later tag try again (a flaky network), and tell the page's developer.
    state.requested.delete(tag);
    console.error(`Nassij: could not load <${tag}>`, error);
  });
}

function scan(root: ParentNode, state: LoaderState): void {
  if (root instanceof Element) load(root.localName, state);
  for (const tag of Object.keys(LOADERS)) {
    if (!state.requested.has(tag) && root.querySelector(tag)) load(tag, state);
  }
}

function start(): void {
  if (typeof document === 'undefined' || typeof customElements === 'undefined') return;
  if (scope.__nassijLoader) return; // Loaded twice: the first copy already watches the page.
  const state: LoaderState = { requested: new Set() };
  scope.__nassijLoader = state;
  scan(document, state);
  state.observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node, state);
    }
  });
  state.observer.observe(document.documentElement, { childList: true, subtree: true });
}

start();

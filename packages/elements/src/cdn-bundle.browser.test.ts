import { expect } from '@open-wc/testing';
import { DEMO_COURSES } from './test-support/demo/trainings.js';
import type { NassijTrainingFinder } from './training-finder/nassij-training-finder.js';

// The BUILT CDN bundles (`npm run build` runs before the browser tests). The runner's rootDir is the repo
// root, so dist/ is served under its repository path.
const LOADER = '/packages/elements/dist/cdn/nassij.js';
const FINDER = '/packages/elements/dist/cdn/training-finder.js';

const until = async (check: () => unknown, what: string, ms = 10_000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
};

describe('CDN bundles', () => {
  it('load twice on one page without an error; the loader upgrades tags found now and added later', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
    const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const finder = document.createElement('nassij-training-finder') as NassijTrainingFinder;
      finder.setAttribute('lang', 'fr');
      document.body.append(finder);

      // Two copies of the loader (distinct URLs defeat the module cache), then one script element, and two
      // copies of the component bundle itself.
      await import(/* @vite-ignore */ `${LOADER}?copy=1`);
      await import(/* @vite-ignore */ `${LOADER}?copy=2`);
      const script = document.createElement('script');
      script.type = 'module';
      script.src = `${LOADER}?copy=3`;
      const loaded = new Promise((ok, fail) => {
        script.onload = ok;
        script.onerror = fail;
      });
      document.head.append(script);
      await loaded;
      await import(/* @vite-ignore */ `${FINDER}?copy=1`);
      await import(/* @vite-ignore */ `${FINDER}?copy=2`);

      await customElements.whenDefined('nassij-training-finder');
      expect(customElements.get('nassij-training-finder')).to.exist;
      finder.courses = DEMO_COURSES;
      await finder.updateComplete;
      const cards = finder.shadowRoot?.querySelectorAll('article[part="card"]') ?? [];
      expect(cards.length).to.equal(DEMO_COURSES.length);
      expect(finder.shadowRoot?.textContent).to.include('Gestion financière des associations');

      // A tag added after load is found by the observer.
      const provider = document.createElement('nassij-provider');
      document.body.append(provider);
      await until(() => customElements.get('nassij-provider'), '<nassij-provider> to be defined');
      expect(customElements.get('nassij-provider')).to.exist;
      expect(
        (globalThis as { __nassij?: { versions: Record<string, string> } }).__nassij?.versions,
      ).to.have.property('nassij-training-finder');
      provider.remove();
      finder.remove();
      script.remove();
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});

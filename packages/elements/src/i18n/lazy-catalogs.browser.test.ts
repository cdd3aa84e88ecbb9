import { expect, fixture, html } from '@open-wc/testing';
import { defineElement } from '../base/define.js';
import { NassijElement } from '../base/nassij-element.js';
import { type Catalog, defineMessages, type Loader, type Message } from './messages.js';

/** A loader the test resolves (or fails) when it chooses, counting how often it is called. */
function gate() {
  let open: (catalog: Catalog) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const counter = { calls: 0 };
  const loader: Loader<'lazy.title'> = () => {
    counter.calls += 1;
    return new Promise<Catalog>((ok, ko) => {
      open = ok;
      fail = ko;
    }).then((catalog) => ({ default: catalog as Readonly<Record<'lazy.title', Message>> }));
  };
  return { loader, counter, open: (catalog: Catalog) => open(catalog), fail: (e: Error) => fail(e) };
}

const fr = gate();
const en = gate();
const lazyMessages = defineMessages(
  { 'lazy.title': 'عنوان' },
  {
    fr: fr.loader,
    en: en.loader,
    zgh: async () => ({ default: { 'lazy.title': 'ⴰⵣⵡⵍ' } }),
  },
);

class TestLazy extends NassijElement {
  static override messages = lazyMessages;
  override render() {
    return html`<h2>${this.t('lazy.title')}</h2><button>${this.t('action.retry')}</button>`;
  }
}
defineElement('test-lazy', TestLazy, '1.0.0');

const text = (el: TestLazy, selector: string) => el.shadowRoot?.querySelector(selector)?.textContent;

describe('lazy catalogs', () => {
  it('render Arabic at once, keep what they show while French loads, then French after one load', async () => {
    const root = await fixture<HTMLElement>(
      html`<div lang="ar"><test-lazy></test-lazy><test-lazy></test-lazy><test-lazy></test-lazy></div>`,
    );
    const elements = Array.from(root.querySelectorAll('test-lazy')) as TestLazy[];
    for (const el of elements) {
      expect(text(el, 'h2')).to.equal('عنوان');
      expect(text(el, 'button')).to.equal('إعادة المحاولة');
    }
    expect(fr.counter.calls).to.equal(0);

    root.setAttribute('lang', 'fr');
    const ready = Promise.all(elements.map((el) => el.whenMessagesReady()));
    const updated = Promise.all(elements.map((el) => el.updateComplete));
    // A French element created now renders nothing until its words arrive: never an Arabic count on a French page.
    const fresh = document.createElement('test-lazy') as TestLazy;
    fresh.setAttribute('lang', 'fr');
    root.append(fresh);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    // While the French catalog travels, the elements keep what they showed (in a French, LTR element).
    for (const el of elements) {
      expect(el.locale).to.equal('fr');
      expect(el.getAttribute('dir')).to.equal('ltr');
      expect(text(el, 'h2')).to.equal('عنوان');
    }
    expect(text(fresh, 'h2')).to.equal(undefined);
    fr.open({ 'lazy.title': 'Titre' });
    await updated;
    expect(text(fresh, 'h2')).to.equal('Titre');
    await ready;
    for (const el of elements) {
      expect(text(el, 'h2')).to.equal('Titre');
      expect(text(el, 'button')).to.equal('Réessayer');
    }
    expect(fr.counter.calls).to.equal(1);

    // A new French element finds the catalog loaded: French on its first render, no new load.
    const late = await fixture<TestLazy>(html`<test-lazy lang="fr"></test-lazy>`);
    expect(text(late, 'h2')).to.equal('Titre');
    expect(fr.counter.calls).to.equal(1);
  });

  it('stays Arabic when a load fails, warns once, and retries on the next locale change', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = document.createElement('test-lazy') as TestLazy;
      el.setAttribute('lang', 'en');
      document.body.append(el);
      const ready = el.whenMessagesReady();
      en.fail(new Error('offline'));
      await ready;
      await el.updateComplete;
      expect(text(el, 'h2')).to.equal('عنوان');
      el.requestUpdate();
      await el.updateComplete;
      expect(en.counter.calls).to.equal(1);
      expect(warnings.filter((args) => String(args[0]).includes('"en"'))).to.have.length(1);

      el.setAttribute('lang', 'ar');
      await el.whenMessagesReady();
      el.setAttribute('lang', 'en');
      const retried = el.whenMessagesReady();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(en.counter.calls).to.equal(2);
      en.open({ 'lazy.title': 'Title' });
      await retried;
      expect(text(el, 'h2')).to.equal('Title');
      expect(text(el, 'button')).to.equal('Try again');
      el.remove();
    } finally {
      console.warn = warn;
    }
  });
});

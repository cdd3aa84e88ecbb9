import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { NassijProvider } from '../provider/nassij-provider.js';
import { type BaseClient, normalizeApiBase } from './client.js';
import { defineElement, nassijRegistry } from './define.js';
import { NassijElement } from './nassij-element.js';
import {
  LiveAnnouncer,
  OnlineController,
  renderEmpty,
  renderError,
  renderLoading,
  renderOffline,
} from './states.js';

// Mocha globals, provided by @web/test-runner.

class TestStates extends NassijElement {
  static override properties = { state: {}, total: { type: Number } };
  declare state: 'loading' | 'empty' | 'error' | 'offline' | 'done';
  declare total: number;
  online = new OnlineController(this);
  announcer = new LiveAnnouncer(this);
  retried = 0;
  seenClients: (BaseClient | undefined)[] = [];

  constructor() {
    super();
    this.state = 'loading';
    this.total = 0;
  }

  protected override clientChanged(client: BaseClient | undefined): void {
    this.seenClients.push(client);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('total')) this.announcer.announce(this.t('count.results', { count: this.total }));
  }

  override render() {
    const body =
      this.state === 'loading'
        ? renderLoading(this)
        : this.state === 'empty'
          ? renderEmpty(this)
          : this.state === 'error'
            ? renderError(this, { code: 'rate_limited', onRetry: () => this.retried++ })
            : this.state === 'offline'
              ? renderOffline(this)
              : html`<p>${this.t('count.results', { count: this.total })}</p>`;
    return html`${this.announcer.region()}${body}`;
  }
}
defineElement('test-states', TestStates, '1.0.0');
defineElement('nassij-provider', NassijProvider, '0.0.0');

/** An outside component with its own shadow root, to check resolution and requests cross it. */
class TestShell extends LitElement {
  override render() {
    return html`<div lang="fr"><test-states></test-states></div><test-states id="plain"></test-states>`;
  }
}
defineElement('test-shell', TestShell, '1.0.0');

const nextFrame = () => new Promise((ok) => requestAnimationFrame(() => ok(undefined)));
const html$ = document.documentElement;

afterEach(() => {
  html$.removeAttribute('lang');
  html$.classList.remove('translated-ltr', 'translated-rtl');
});

describe('defineElement', () => {
  it('skips the same version silently and warns once, without throwing, on another version', () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      class Again extends TestStates {}
      expect(() => defineElement('test-states', Again, '1.0.0')).not.to.throw();
      expect(warnings).to.have.length(0);
      expect(() => defineElement('test-states', Again, '2.0.0')).not.to.throw();
      expect(() => defineElement('test-states', Again, '2.0.0')).not.to.throw();
      expect(warnings).to.have.length(1);
      expect(String(warnings[0]?.[0])).to.include('1.0.0').and.include('2.0.0');
      expect(customElements.get('test-states')).to.equal(TestStates);
      expect(nassijRegistry().versions['test-states']).to.equal('1.0.0');
    } finally {
      console.warn = warn;
    }
  });
});

describe('locale and direction', () => {
  it('takes its own lang first, then the nearest ancestor, then <html>, else Arabic', async () => {
    html$.setAttribute('lang', 'en-GB');
    const root = await fixture<HTMLElement>(html`<section lang="zgh-Tfng">
      <test-states id="own" lang="fr-MA"></test-states>
      <div><test-states id="ancestor"></test-states></div>
    </section>`);
    const outside = await fixture<TestStates>(html`<test-states></test-states>`);
    const own = root.querySelector<TestStates>('#own');
    const ancestor = root.querySelector<TestStates>('#ancestor');
    expect(own?.locale).to.equal('fr');
    expect(own?.getAttribute('dir')).to.equal('ltr');
    expect(ancestor?.locale).to.equal('zgh');
    expect(outside.locale).to.equal('en');
    html$.removeAttribute('lang');
    await nextFrame();
    expect(outside.locale).to.equal('ar');
    expect(outside.getAttribute('dir')).to.equal('rtl');
  });

  it('crosses shadow roots to find the language', async () => {
    const shell = await fixture<TestShell>(html`<test-shell lang="en"></test-shell>`);
    const inner = shell.shadowRoot?.querySelector<TestStates>('div test-states');
    const plain = shell.shadowRoot?.querySelector<TestStates>('#plain');
    expect(inner?.locale).to.equal('fr');
    expect(plain?.locale).to.equal('en');
  });

  it('follows a later change of an ancestor lang and re-renders', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr"><test-states></test-states></div>`);
    const el = wrapper.querySelector('test-states') as TestStates;
    el.state = 'empty';
    await el.whenMessagesReady();
    expect(el.shadowRoot?.textContent).to.include('Rien à afficher');
    wrapper.setAttribute('lang', 'ar-MA');
    await nextFrame();
    await el.updateComplete;
    expect(el.locale).to.equal('ar');
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(el.shadowRoot?.textContent).to.include('لا يوجد ما يُعرض');
  });

  it('leaves an author dir alone', async () => {
    const el = await fixture<TestStates>(html`<test-states lang="ar" dir="ltr"></test-states>`);
    expect(el.getAttribute('dir')).to.equal('ltr');
  });

  it('ignores <html lang> rewritten by a translation tool (translated-ltr / translated-rtl)', async () => {
    html$.setAttribute('lang', 'fr');
    const el = await fixture<TestStates>(html`<test-states></test-states>`);
    expect(el.locale).to.equal('fr');
    html$.setAttribute('lang', 'en');
    html$.classList.add('translated-ltr');
    await nextFrame();
    expect(el.locale).to.equal('fr');
    html$.classList.replace('translated-ltr', 'translated-rtl');
    html$.setAttribute('lang', 'ar');
    await nextFrame();
    expect(el.locale).to.equal('fr');
    html$.classList.remove('translated-rtl');
    await nextFrame();
    expect(el.locale).to.equal('ar');
  });

  it('resolves a dark theme from an ancestor class and its own theme attribute', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div class="nassij-dark"><test-states></test-states></div>`,
    );
    const el = wrapper.querySelector('test-states') as TestStates;
    expect(el.getAttribute('data-nassij-theme')).to.equal('dark');
    el.theme = 'light';
    await el.updateComplete;
    expect(el.getAttribute('data-nassij-theme')).to.equal('light');
  });
});

describe('translation, formatting and events', () => {
  it('picks Arabic plural forms and Latin digits', async () => {
    const el = await fixture<TestStates>(html`<test-states lang="ar"></test-states>`);
    expect(el.t('count.daysLeft', { count: 2 })).to.equal('يُغلق بعد يومين');
    expect(el.t('count.results', { count: 1234 })).to.equal('1.234 نتيجة');
    expect(el.t('field.too_long', { maximum: 80 })).to.equal('أدخل 80 حرفًا على الأكثر.');
  });

  it('emits composed, bubbling nassij-* events and refuses other names', async () => {
    const shell = await fixture<TestShell>(html`<test-shell></test-shell>`);
    const inner = shell.shadowRoot?.querySelector('test-states') as TestStates;
    let detail: unknown;
    document.addEventListener('nassij-select', (event) => (detail = (event as CustomEvent).detail), {
      once: true,
    });
    inner.emit('nassij-select', { id: 'x' });
    expect(detail).to.deep.equal({ id: 'x' });
    expect(() => inner.emit('select' as `nassij-${string}`)).to.throw(TypeError);
  });
});

describe('clients', () => {
  it('gets the provider client through shadow roots and shares one client per base URL', async () => {
    const provider =
      await fixture<NassijProvider>(html`<nassij-provider api-base="https://platform.example/api/">
      <test-shell></test-shell>
    </nassij-provider>`);
    const shell = provider.querySelector('test-shell') as TestShell;
    await shell.updateComplete;
    const inner = shell.shadowRoot?.querySelector('test-states') as TestStates;
    await inner.updateComplete;
    expect(inner.resolvedClient).to.exist;
    expect(inner.resolvedClient).to.equal(provider.sharedClient);
    expect(inner.seenClients.at(-1)).to.equal(provider.sharedClient);

    const direct = await fixture<TestStates>(
      html`<test-states api-base="https://platform.example/api"></test-states>`,
    );
    expect(direct.resolvedClient).to.equal(provider.sharedClient);
    expect(normalizeApiBase('https://platform.example/api/')).to.equal('https://platform.example/api');

    provider.apiBase = 'https://other.example/api';
    await provider.updateComplete;
    await inner.updateComplete;
    expect(inner.resolvedClient).to.not.equal(direct.resolvedClient);
    expect(inner.seenClients.at(-1)).to.equal(inner.resolvedClient);
  });

  it('answers elements that asked before the provider connected', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div><test-states></test-states></div>`);
    const el = wrapper.querySelector('test-states') as TestStates;
    expect(el.resolvedClient).to.equal(undefined);
    const provider = document.createElement('nassij-provider') as NassijProvider;
    provider.apiBase = 'https://late.example/api';
    wrapper.replaceWith(provider);
    provider.append(wrapper);
    await provider.updateComplete;
    await el.updateComplete;
    expect(el.resolvedClient).to.equal(provider.sharedClient);
  });

  it('prefers a client property over the provider', async () => {
    const own = { own: true } as unknown as BaseClient;
    const provider =
      await fixture<NassijProvider>(html`<nassij-provider api-base="https://platform.example/api">
      <test-states .client=${own}></test-states>
    </nassij-provider>`);
    const el = provider.querySelector('test-states') as TestStates;
    expect(el.resolvedClient).to.equal(own);
  });
});

describe('states', () => {
  for (const lang of ['ar', 'fr']) {
    it(`render loading, empty, error with retry and offline, accessibly, in ${lang}`, async () => {
      const el = await fixture<TestStates>(html`<test-states lang=${lang}></test-states>`);
      await el.whenMessagesReady();
      const shadow = el.shadowRoot as ShadowRoot;
      expect(shadow.querySelector('[aria-busy="true"]')).to.exist;
      await expect(el).to.be.accessible();

      el.state = 'empty';
      await el.updateComplete;
      await expect(el).to.be.accessible();

      el.state = 'error';
      await el.updateComplete;
      expect(shadow.querySelector('[role="alert"]')?.textContent).to.include(
        lang === 'ar' ? 'طلبات كثيرة جدًا' : 'Trop de demandes',
      );
      shadow.querySelector('button')?.click();
      expect(el.retried).to.equal(1);
      await expect(el).to.be.accessible();

      el.state = 'offline';
      await el.updateComplete;
      await expect(el).to.be.accessible();

      el.state = 'done';
      el.total = 3;
      await el.updateComplete;
      const live = shadow.querySelector('[aria-live="polite"]');
      expect(live?.textContent).to.include(lang === 'ar' ? '3 نتائج' : '3 résultats');
      await expect(el).to.be.accessible();
    });
  }

  it('follows online and offline events through OnlineController', async () => {
    const el = await fixture<TestStates>(html`<test-states lang="fr"></test-states>`);
    expect(el.online.online).to.equal(true);
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      expect(el.online.online).to.equal(false);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    window.dispatchEvent(new Event('online'));
    expect(el.online.online).to.equal(true);
  });
});

import { NassijApiError } from '@nassij/sdk';
import { expect, fixture, html } from '@open-wc/testing';
import { defineElement } from './define.js';
import { NassijElement, type NassijErrorDetail } from './nassij-element.js';
import { ResourceController } from './resource.js';

/** A load the test answers (or fails) when it chooses, remembering the signal it was given. */
interface Pending {
  signal: AbortSignal;
  answer(value: string): void;
  fail(error: unknown): void;
}

class TestResource extends NassijElement {
  pending: Pending[] = [];
  resource = new ResourceController<string>(this, {
    load: (signal) =>
      new Promise<string>((answer, fail) => {
        this.pending.push({ signal, answer, fail });
      }),
  });
  override render() {
    return this.resource.render({
      ready: (value) => html`<p class="value">${value}</p>`,
      isEmpty: (value) => value === '',
      idle: () => html`<p class="idle">pick something</p>`,
    });
  }
}
defineElement('test-resource', TestResource, '1.0.0');

const state = (el: TestResource) => el.shadowRoot?.querySelector('[data-state]')?.getAttribute('data-state');

describe('ResourceController', () => {
  it('shows the idle view, not a skeleton, while nothing was asked', async () => {
    const el = await fixture<TestResource>(html`<test-resource></test-resource>`);
    expect(el.resource.status).to.equal('idle');
    expect(el.shadowRoot?.querySelector('.idle')).to.exist;
    expect(el.shadowRoot?.querySelector('[aria-busy]')).to.equal(null);
  });

  it('shows a skeleton only while a request is in flight, then the value', async () => {
    const el = await fixture<TestResource>(html`<test-resource></test-resource>`);
    const run = el.resource.run();
    await el.updateComplete;
    expect(state(el)).to.equal('loading');
    el.pending[0]?.answer('first');
    expect(await run).to.equal('first');
    await el.updateComplete;
    expect(el.resource.status).to.equal('ready');
    expect(el.shadowRoot?.querySelector('.value')?.textContent).to.equal('first');
    expect(el.shadowRoot?.querySelector('[aria-busy]')).to.equal(null);
  });

  it('aborts the older request and never lets its late answer replace the newer one', async () => {
    const el = await fixture<TestResource>(html`<test-resource></test-resource>`);
    const older = el.resource.run();
    const newer = el.resource.run();
    expect(el.pending[0]?.signal.aborted).to.equal(true);
    el.pending[1]?.answer('newer');
    el.pending[0]?.answer('older, late');
    expect(await newer).to.equal('newer');
    expect(await older).to.equal(undefined);
    await el.updateComplete;
    expect(el.resource.value).to.equal('newer');
    expect(el.shadowRoot?.querySelector('.value')?.textContent).to.equal('newer');
  });

  it('turns a failure into the SDK code, fires nassij-error once, keeps the last value and retries', async () => {
    const el = await fixture<TestResource>(html`<test-resource lang="fr"></test-resource>`);
    const codes: string[] = [];
    el.addEventListener('nassij-error', (event) =>
      codes.push((event as CustomEvent<NassijErrorDetail>).detail.code),
    );
    const first = el.resource.run();
    el.pending[0]?.answer('kept');
    await first;
    const failed = el.resource.run();
    el.pending[1]?.fail(new NassijApiError('Busy', { code: 'unavailable', status: 503 }));
    expect(await failed).to.equal(undefined);
    await el.updateComplete;
    expect(codes).to.deep.equal(['unavailable']);
    expect(el.resource.status).to.equal('error');
    const alert = el.shadowRoot?.querySelector('[role="alert"]');
    expect(alert?.textContent).to.match(/indisponible/);
    expect(el.shadowRoot?.querySelector('.value')?.textContent).to.equal('kept');

    alert?.querySelector('button')?.click();
    expect(el.pending).to.have.length(3);
    el.pending[2]?.answer('again');
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(el.resource.status).to.equal('ready');
    expect(el.shadowRoot?.querySelector('[role="alert"]')).to.equal(null);
  });

  it('shows the empty message for an empty value, and goes back to idle on clear()', async () => {
    const el = await fixture<TestResource>(html`<test-resource></test-resource>`);
    el.resource.set('');
    await el.updateComplete;
    expect(state(el)).to.equal('empty');
    el.resource.clear();
    await el.updateComplete;
    expect(el.resource.status).to.equal('idle');
    expect(el.shadowRoot?.querySelector('.idle')).to.exist;
  });

  it('aborts the request in flight when the element leaves the page', async () => {
    const el = await fixture<TestResource>(html`<test-resource></test-resource>`);
    void el.resource.run();
    el.remove();
    expect(el.pending[0]?.signal.aborted).to.equal(true);
    expect(el.resource.loading).to.equal(false);
  });
});

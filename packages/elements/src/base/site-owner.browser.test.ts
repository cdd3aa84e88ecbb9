import { createBaseClient } from '@nassij/sdk';
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { API_BASE } from '/__nassij__/env.js';
import '../call-list/define.js';
import type { NassijCallList } from '../call-list/nassij-call-list.js';

// What a site owner reads in the console when an element cannot use the platform, and what the reader sees.

/** A port nothing listens on: the connection is refused at once. */
const NOWHERE = 'http://127.0.0.1:9/api';

let warnings: string[] = [];
const warn = console.warn;
beforeEach(() => {
  warnings = [];
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
});
afterEach(() => {
  console.warn = warn;
  fixtureCleanup();
});

const alertText = (el: NassijCallList) => el.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? '';
const failed = (el: NassijCallList) =>
  waitUntil(() => el.errorCode !== undefined && !el.loading, 'the load did not fail', { timeout: 15000 });
const ours = (tag: string) => warnings.filter((line) => line.startsWith(`[${tag}]`));

describe('when the platform cannot be used', () => {
  it('shows the reader the network message and tells the site owner once per element and failure', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr">
      <nassij-call-list api-base=${NOWHERE}></nassij-call-list>
      <nassij-call-list api-base=${NOWHERE}></nassij-call-list>
    </div>`);
    const [first, second] = [...wrapper.querySelectorAll('nassij-call-list')] as NassijCallList[];
    if (!first || !second) throw new Error('two lists');
    await Promise.all([failed(first), failed(second)]);
    await first.whenMessagesReady();
    expect(first.errorCode).to.equal('network_error');
    expect(alertText(first)).to.include('La plateforme est injoignable');
    expect(alertText(first)).to.not.include('Une erreur est survenue');

    // The hint's module loads on the first failure, so the lines may follow the message by a moment.
    await waitUntil(() => ours('nassij-call-list').length >= 2, 'a line per element', { timeout: 5000 });
    const lines = ours('nassij-call-list');
    expect(lines).to.have.length(2);
    expect(lines[0]).to.include(`cannot reach the platform at ${NOWHERE} (api-base attribute)`);
    expect(lines[0]).to.include('CORS');

    // Retrying is a new failure: one more line, for that element only.
    first.shadowRoot?.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
    await waitUntil(() => ours('nassij-call-list').length === 3, 'no line for the retry', { timeout: 15000 });
  });

  it('says api-base is wrong when no Nassij API answers there', async () => {
    const base = `${API_BASE}/not-the-api`;
    const el = await fixture<NassijCallList>(html`<nassij-call-list api-base=${base}></nassij-call-list>`);
    await failed(el);
    await waitUntil(() => ours('nassij-call-list').length > 0, 'no console line', { timeout: 5000 });
    const lines = ours('nassij-call-list');
    expect(lines).to.have.length(1);
    expect(lines[0]).to.include(`no Nassij API at ${base} (api-base attribute)`);
    expect(lines[0]).to.include('/healthz');
  });

  it('says the server lacks a route when /healthz answers but the route does not', async () => {
    const problem = { status: 404, code: 'not_found', title: 'Not found', detail: 'No route for /v1/calls' };
    const client = createBaseClient({
      baseUrl: API_BASE,
      retry: { limit: 0 },
      fetch: async () =>
        new Response(JSON.stringify(problem), {
          status: 404,
          headers: { 'content-type': 'application/problem+json' },
        }),
    });
    const el = await fixture<NassijCallList>(html`<nassij-call-list .client=${client}></nassij-call-list>`);
    await failed(el);
    await waitUntil(() => ours('nassij-call-list').length > 0, 'no console line', { timeout: 5000 });
    const lines = ours('nassij-call-list');
    expect(lines).to.have.length(1);
    expect(lines[0]).to.include(`the platform at ${API_BASE} (client property), server`);
    expect(lines[0]).to.include('lacks a route @nassij/elements');
  });

  it('says nothing for failures that are not the site owner’s', async () => {
    const problem = { status: 404, code: 'not_found', title: 'Not found', detail: 'No call with this id' };
    const client = createBaseClient({
      baseUrl: API_BASE,
      retry: { limit: 0 },
      fetch: async () =>
        new Response(JSON.stringify(problem), {
          status: 404,
          headers: { 'content-type': 'application/problem+json' },
        }),
    });
    const el = await fixture<NassijCallList>(html`<nassij-call-list .client=${client}></nassij-call-list>`);
    await failed(el);
    await new Promise((ok) => setTimeout(ok, 300));
    expect(ours('nassij-call-list')).to.have.length(0);
  });
});

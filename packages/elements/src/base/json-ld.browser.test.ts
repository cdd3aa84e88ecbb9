import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { API_BASE } from '/__nassij__/env.js';
import '../call-list/define.js';
import type { NassijCallList } from '../call-list/nassij-call-list.js';
import { demoCalls } from '../test-support/demo/calls.js';
import '../training-finder/define.js';
import { DEMO_COURSES } from '../test-support/demo/trainings.js';
import type { NassijTrainingFinder } from '../training-finder/nassij-training-finder.js';

type Node = Record<string, unknown>;
const blocks = (kind: string) =>
  Array.from(
    document.querySelectorAll<HTMLScriptElement>(`script[type="application/ld+json"][data-nassij="${kind}"]`),
  );
const graph = (kind: string): Node[] => {
  const [block] = blocks(kind);
  return (JSON.parse(block?.textContent ?? '{}') as { '@graph'?: Node[] })['@graph'] ?? [];
};

async function until(check: () => unknown, what: string, ms = 8000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

describe('schema.org JSON-LD of the result pages', () => {
  afterEach(() => fixtureCleanup());

  it('describes the calls a call list shows, from the server, and leaves with the element', async () => {
    const el = await fixture<NassijCallList>(
      html`<nassij-call-list lang="fr" api-base=${API_BASE}></nassij-call-list>`,
    );
    await until(() => (el.results?.length ?? 0) > 0 && blocks('call-list').length === 1, 'the calls');
    const nodes = graph('call-list');
    expect(blocks('call-list')[0]?.parentElement).to.equal(document.head);
    expect(nodes.map((n) => n.identifier)).to.deep.equal(el.results?.map((c) => c.reference));
    const first = nodes[0] as Node & { amount: Node; funder: Node };
    const call = el.results?.[0];
    expect(first['@type']).to.deep.equal(['GovernmentService', 'MonetaryGrant']);
    expect(first.name).to.equal(call?.title.fr ?? call?.title.ar);
    expect(first.amount.currency).to.equal('MAD');
    expect(first.amount['@type']).to.equal('MonetaryAmount');
    expect(first.funder['@type']).to.equal('GovernmentOrganization');
    if (call?.dates.closes) expect(first.amount.validThrough).to.equal(call.dates.closes.at);
    el.remove();
    expect(blocks('call-list')).to.have.length(0);
  });

  it('keeps a hostile title inside the JSON', async () => {
    const scriptsBefore = document.querySelectorAll('script').length;
    const calls = demoCalls(2);
    const hostile = '</script><script>alert(1)</script>';
    const [first, second] = calls;
    if (!first || !second) throw new Error('demo calls');
    const el = await fixture<NassijCallList>(
      html`<nassij-call-list lang="ar" .calls=${[{ ...first, title: { ar: hostile, fr: hostile } }, second]}></nassij-call-list>`,
    );
    await el.updateComplete;
    const [block] = blocks('call-list');
    expect(block?.textContent).to.not.include('</script');
    expect(block?.textContent).to.include('\\u003c/script\\u003e');
    expect(graph('call-list')[0]?.name).to.equal(hostile);
    expect(document.querySelectorAll('script').length).to.equal(scriptsBefore + 1);
    expect(block?.childElementCount).to.equal(0);

    // A new page replaces the block; it never piles up.
    el.calls = [second];
    await el.updateComplete;
    expect(blocks('call-list')).to.have.length(1);
    expect(graph('call-list').map((n) => n.identifier)).to.deep.equal([second.reference]);
  });

  it('describes courses with their sessions as CourseInstance', async () => {
    const el = await fixture<NassijTrainingFinder>(
      html`<nassij-training-finder lang="fr" .courses=${DEMO_COURSES}></nassij-training-finder>`,
    );
    await el.updateComplete;
    const nodes = graph('training-finder') as (Node & { hasCourseInstance: Node[] })[];
    expect(nodes.map((n) => n.courseCode)).to.deep.equal(el.visibleCourses?.map((c) => c.reference));
    expect(nodes[0]?.['@type']).to.equal('Course');
    const withSessions = nodes.find((n) => n.hasCourseInstance.length > 0);
    const instance = withSessions?.hasCourseInstance[0] as Node & { location: Node };
    expect(instance['@type']).to.equal('CourseInstance');
    expect(instance.startDate).to.match(/^\d{4}-\d{2}-\d{2}T/);
    expect(['onsite', 'online', 'blended']).to.include(instance.courseMode);
    expect(['Place', 'VirtualLocation']).to.include(instance.location['@type']);
  });
});

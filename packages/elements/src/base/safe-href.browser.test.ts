import type { Association, Call } from '@nassij/contract';
import { expect, fixture, html } from '@open-wc/testing';
import '../application-form/define.js';
import type { NassijApplicationForm } from '../application-form/nassij-application-form.js';
import { DEMO_CALL, DEMO_DRAFT, DEMO_MEMBERSHIPS } from '../test-support/demo/application.js';
import '../association-directory/define.js';
import type { NassijAssociationDirectory } from '../association-directory/nassij-association-directory.js';
import { DEMO_ASSOCIATION_SUMMARIES, DEMO_ASSOCIATIONS } from '../test-support/demo/associations.js';

// Data mode hands the elements data no schema checked: a stored `javascript:` website or template URL must
// still never become a link (issue 14). Each hostile value is rendered, then every anchor is inspected.

const HOSTILE = [
  'javascript:alert(document.domain)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  ' javascript:alert(1)',
  '\u0001javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '/relative/path',
];

/** Every anchor of the element's shadow tree with its href as the browser reads it. */
function anchors(el: HTMLElement): { href: string; raw: string | null }[] {
  return Array.from(el.shadowRoot?.querySelectorAll('a') ?? []).map((a) => ({
    href: a.href,
    raw: a.getAttribute('href'),
  }));
}

/** No anchor would run script or load a data/vbscript URL: only http(s), mailto, tel, fragments and blobs. */
function expectNoScriptLink(el: HTMLElement, value: string): void {
  for (const { href, raw } of anchors(el)) {
    if (raw === null || raw.startsWith('#')) continue;
    const protocol = new URL(href).protocol;
    expect(['http:', 'https:', 'mailto:', 'tel:', 'blob:'], `${JSON.stringify(value)} → ${raw}`).to.include(
      protocol,
    );
    // What the URL parser would drop before reading the scheme: spaces, tabs, newlines, C0 controls.
    const squeezed = [...raw.toLowerCase()].filter((c) => c.charCodeAt(0) > 0x20).join('');
    expect(squeezed).not.to.match(/^(javascript|data|vbscript):/);
  }
}

describe('links from data go through safeHref', () => {
  describe('<nassij-association-directory> website', () => {
    const [first] = DEMO_ASSOCIATIONS as [Association];

    async function profileWith(website: string): Promise<NassijAssociationDirectory> {
      const hostile = { ...first, website };
      const el = await fixture<NassijAssociationDirectory>(html`<nassij-association-directory
        lang="fr"
        .associations=${[...DEMO_ASSOCIATION_SUMMARIES]}
        .profiles=${{ [first.id]: hostile }}
      ></nassij-association-directory>`);
      await el.whenMessagesReady();
      el.shadowRoot?.querySelector<HTMLButtonElement>(`button[data-id="${first.id}"]`)?.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(Boolean(el.shadowRoot?.querySelector('.profile')), 'the profile is open').to.equal(true);
      return el;
    }

    it('links an https website', async () => {
      const el = await profileWith('https://tifawin.example.ma/');
      const link = el.shadowRoot?.querySelector<HTMLAnchorElement>('.profile .website a');
      expect(link?.href).to.equal('https://tifawin.example.ma/');
      expect(link?.rel).to.equal('noopener noreferrer');
    });

    for (const website of HOSTILE) {
      it(`shows ${JSON.stringify(website)} as text, never as a link`, async () => {
        const el = await profileWith(website);
        expectNoScriptLink(el, website);
        const cell = el.shadowRoot?.querySelector('.profile .website');
        expect(Boolean(cell), 'the website row is still shown').to.equal(true);
        expect(cell?.querySelectorAll('a').length).to.equal(0);
        expect(cell?.textContent?.trim()).to.equal(website.trim());
      });
    }
  });

  describe('<nassij-application-form> document template', () => {
    async function documentsStepWith(templateUrl: string): Promise<NassijApplicationForm> {
      const call: Call = {
        ...DEMO_CALL,
        requiredDocuments: DEMO_CALL.requiredDocuments.map((d) => ({ ...d, templateUrl })),
      };
      const el = await fixture<NassijApplicationForm>(html`<nassij-application-form
        lang="fr"
        call=${call.id}
        .callData=${call}
        .associations=${DEMO_MEMBERSHIPS}
        .eligibility=${{ eligible: true, reasons: [] }}
        .application=${DEMO_DRAFT}
        .answers=${DEMO_DRAFT.answers}
        .phase=${'form'}
        .step=${3}
      ></nassij-application-form>`);
      await el.whenMessagesReady();
      await el.updateComplete;
      expect(el.shadowRoot?.querySelectorAll('.field.document').length, 'the documents step').to.equal(
        DEMO_CALL.requiredDocuments.length,
      );
      return el;
    }

    it('links an https template', async () => {
      const el = await documentsStepWith('https://www.nassij.ma/modeles/budget.xlsx');
      const links = Array.from(el.shadowRoot?.querySelectorAll<HTMLAnchorElement>('.field.document a') ?? []);
      expect(links.map((a) => a.href)).to.include('https://www.nassij.ma/modeles/budget.xlsx');
    });

    for (const templateUrl of HOSTILE) {
      it(`renders no link for the template ${JSON.stringify(templateUrl)}`, async () => {
        const el = await documentsStepWith(templateUrl);
        expectNoScriptLink(el, templateUrl);
        expect(el.shadowRoot?.querySelectorAll('.field.document a').length).to.equal(0);
      });
    }
  });
});

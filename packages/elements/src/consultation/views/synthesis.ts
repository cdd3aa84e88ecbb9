import type { Consultation, Synthesis } from '@nassij/contract';
import type { TemplateResult } from 'lit';
import { articlesOf } from '../model.js';
import type { NassijConsultation } from '../nassij-consultation.js';
import { renderSynthesisPage } from './synthesis-page.js';

// The published synthesis of the public widget: the shared page (see `synthesis-page.ts`) with the articles
// of the version shown and the open-data links of the platform the element talks to.

/** The synthesis block. */
export function renderSynthesis(
  host: NassijConsultation,
  data: Consultation,
  synthesis: Synthesis,
): TemplateResult {
  const base = host.resolvedClient?.transport.config.baseUrl;
  // Articles removed in a later version keep their number: look in the text shown, then the current one.
  const articles = [...articlesOf(host.versionText), ...articlesOf(data.text)];
  return renderSynthesisPage(host, synthesis, {
    articles,
    openData: base ? { base, consultationId: data.id } : undefined,
  });
}

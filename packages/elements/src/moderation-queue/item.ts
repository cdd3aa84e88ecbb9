import {
  type Contribution,
  type ContributionEvent,
  MODERATION_REASON_MAX,
  regionName,
} from '@nassij/contract';
import { html, nothing, type TemplateResult } from 'lit';
import type { NassijModerationQueue } from './nassij-moderation-queue.js';

// One contribution of the queue: who, what, its reports and history, and the keep/publish or hide form.

/** The server writes a report as `<reason> · signed in|anonymous[ · <detail>]`: read back into words. */
const REPORT = /^(spam|abuse|off_topic|personal_data|other) · (signed in|anonymous)(?: · ([\s\S]*))?$/;
/** The note of a contribution sent back to moderation by reports. */
const AUTO = /^Back to moderation after reports from (\d+) signed-in accounts$/;

/** An event's reason in the reader's words: report codes through the catalogue, people's text as is. */
function reasonOf(host: NassijModerationQueue, event: ContributionEvent): TemplateResult | typeof nothing {
  const reason = event.reason;
  if (!reason) return nothing;
  const report = event.action === 'reported' ? REPORT.exec(reason) : null;
  if (report) {
    const [, code, who, detail] = report;
    return html`: ${host.t(`cons.mod.report.${code}`)} (${host.t(who === 'anonymous' ? 'cons.mod.report.anonymous' : 'cons.mod.report.signedIn')})${
      detail ? html` — <span class="user-text" dir="auto">${detail}</span>` : nothing
    }`;
  }
  const auto = event.action === 'reported' ? AUTO.exec(reason) : null;
  if (auto) return html`: ${host.t('cons.mod.report.auto', { count: Number(auto[1]) })}`;
  return html`: <span class="user-text" dir="auto">${reason}</span>`;
}

function history(
  host: NassijModerationQueue,
  c: Contribution,
  open: boolean,
): TemplateResult | typeof nothing {
  if (!c.history?.length) return nothing;
  return html`<details class="history" ?open=${open}>
    <summary>${host.t('cons.mod.history')}</summary>
    <ol>
      ${c.history.map(
        (e) => html`<li data-action=${e.action}>
          <time datetime=${e.at}>${host.fmt.dateTime(e.at)}</time> — ${host.t(`cons.event.${e.action}`)}${reasonOf(host, e)}
        </li>`,
      )}
    </ol>
  </details>`;
}

function decideForm(
  host: NassijModerationQueue,
  c: Contribution,
  reported: boolean,
  onDecide: (event: SubmitEvent, item: Contribution) => void,
): TemplateResult {
  const id = `m-${c.id}`;
  const error = host.itemErrors[c.id];
  return html`<form class="decide" novalidate @submit=${(e: SubmitEvent) => onDecide(e, c)}>
    <p>
      <label for=${`${id}-reason`}>${host.t('cons.mod.reason')}</label>
      <textarea id=${`${id}-reason`} name="reason" class="nassij-input" maxlength=${MODERATION_REASON_MAX}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${`${id}-error`}></textarea>
      <span class="field-error" id=${`${id}-error`} role=${error ? 'alert' : nothing}>${error ?? ''}</span>
    </p>
    <p class="form-actions">
      <button class="nassij-button" part="button" type="submit" name="decision" value="publish">${host.t(reported ? 'cons.mod.keep' : 'cons.mod.publish')}</button>
      <button class="nassij-button" data-variant="secondary" part="button" type="submit" name="decision" value="hide">${host.t('cons.mod.hide')}</button>
    </p>
  </form>`;
}

/**
 * One item of the queue. The queue also lists published contributions with reports no decision has
 * covered: they stay public until a moderator keeps or hides them, so they get the same form until decided.
 */
export function renderItem(
  host: NassijModerationQueue,
  c: Contribution,
  onDecide: (event: SubmitEvent, item: Contribution) => void,
): TemplateResult {
  const reports = (c.history ?? []).filter((e) => e.action === 'reported');
  const id = `m-${c.id}`;
  const pending = c.moderation.state === 'pending';
  const reported = c.moderation.state === 'published' && reports.length > 0;
  const decidable = !host.decided[c.id] && (pending || reported);
  return html`<li>
    <article part="contribution" class="contribution" data-id=${c.id} aria-labelledby=${`${id}-h`}>
      <h3 id=${`${id}-h`} tabindex="-1">
        <span dir="auto">${c.author.displayName}</span>
        <span class="badge" data-state=${c.moderation.state}>${host.t(`cons.state.${c.moderation.state}`)}</span>
      </h3>
      <p class="meta">
        <span>${host.t(`cons.kind.${c.kind}`)}</span>
        <span>${host.t(`cons.ptype.${c.author.participantType}`)}</span>
        ${c.author.region ? html`<span>${regionName(c.author.region, host.locale)}</span>` : nothing}
        <time datetime=${c.createdAt}>${host.fmt.dateTime(c.createdAt)}</time>
      </p>
      <p class="body user-text" dir="auto">${c.body}</p>
      ${c.proposedText ? html`<p class="label">${host.t('cons.form.proposed')}</p><p class="user-text" dir="auto">${c.proposedText}</p>` : nothing}
      <p class="reports">${host.t('cons.mod.reports', { count: reports.length })}</p>
      ${history(host, c, !pending)}
      ${decidable ? decideForm(host, c, reported, onDecide) : nothing}
    </article>
  </li>`;
}

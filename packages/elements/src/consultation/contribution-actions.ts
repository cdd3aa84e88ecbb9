import {
  type Contribution,
  listContributionRepliesRef,
  reportContributionRef,
  supportContributionRef,
  withdrawSupportRef,
} from '@nassij/contract';
import type { Item, REPORT_REASONS } from './model.js';
import type { NassijConsultation } from './nassij-consultation.js';
import { deviceToken } from './storage.js';

// What a reader does to someone else's contribution: support it (and withdraw the support), report it,
// read more of its replies.

function markSupported(
  host: NassijConsultation,
  id: string,
  supportedByMe: boolean,
  supports?: number,
): void {
  const update = <T extends Item>(c: T): T =>
    c.id === id ? { ...c, supports: supports ?? c.supports, supportedByMe } : c;
  host.contributions = host.contributions?.map((c) => ({
    ...update(c),
    ...(c.replies ? { replies: c.replies.map(update) } : {}),
  }));
}

/** Per element, the contributions whose support is on its way: a second press does nothing meanwhile. */
const pending = new WeakMap<NassijConsultation, Set<string>>();
/** Per element, the contributions whose next replies are on their way. */
const loadingReplies = new WeakMap<NassijConsultation, Set<string>>();
/** Replies read per press of "show more replies". */
export const REPLIES_PAGE_SIZE = 20;

/**
 * Supports a contribution, or withdraws the support when this reader gives it; signs in first if needed.
 * The button changes state only once the platform answers (on a failure it stays as it was and the error
 * shows), and it stays where focus is. A refusal because this reader had already supported it (a list
 * read earlier) brings the button up to date, with the reason; withdrawing is idempotent on the platform,
 * so a stale "supported" simply catches up with the count it answers.
 *
 * @example
 * ```ts
 * html`<button aria-pressed=${c.supportedByMe ? 'true' : 'false'}
 *   @click=${() => toggleSupport(host, c)}>…</button>`;
 * ```
 */
export async function toggleSupport(host: NassijConsultation, item: Item): Promise<void> {
  const client = host.resolvedClient;
  const inFlight = pending.get(host) ?? new Set<string>();
  pending.set(host, inFlight);
  if (!client || inFlight.has(item.id)) return;
  host.actionError = undefined;
  inFlight.add(item.id);
  try {
    if (!host.signedIn) {
      const code = await host.popup();
      // (Had this reader supported it already, the platform says so below and the button catches up.)
      if (code) host.actionError = { id: item.id, code };
      if (code) return;
    }
    const params = { params: { contributionId: item.id } };
    // The state the reader saw when pressing decides (signed out, it is always "support").
    if (item.supportedByMe === true) {
      const result = await client.request(withdrawSupportRef, params);
      markSupported(host, item.id, false, result.supports);
      host.announcer.announce(host.t('cons.support.withdrawn', { count: result.supports }));
    } else {
      const result = await client.request(supportContributionRef, params);
      markSupported(host, item.id, true, result.supports);
      host.announcer.announce(host.t('cons.support.done', { count: result.supports }));
    }
  } catch (error) {
    const code = host.reportFailure(error);
    if (code === 'already_supported') markSupported(host, item.id, true);
    host.actionError = { id: item.id, code };
  } finally {
    inFlight.delete(item.id);
  }
}

/**
 * Sends the report form of a contribution to the moderators.
 *
 * @example
 * ```ts
 * html`<form @submit=${(e: SubmitEvent) => reportContribution(host, e, c)}>…</form>`;
 * ```
 */
export async function reportContribution(
  host: NassijConsultation,
  event: SubmitEvent,
  item: Item,
): Promise<void> {
  event.preventDefault();
  const values = new FormData(event.currentTarget as HTMLFormElement);
  const detail = String(values.get('detail') ?? '').trim();
  const reason = String(values.get('reason')) as (typeof REPORT_REASONS)[number];
  try {
    await host.resolvedClient?.request(reportContributionRef, {
      params: { contributionId: item.id },
      body: { reason, ...(detail ? { detail } : {}) },
      headers: { 'x-nassij-device': deviceToken() },
    });
    host.reporting = undefined;
    host.announcer.announce(host.t('cons.report.done'));
    // The form is gone: focus back on the button that opened it, not on the page.
    await host.updateComplete;
    host.focusOn(`article.contribution[data-id="${item.id}"] button.report`);
  } catch (error) {
    host.actionError = { id: item.id, code: host.reportFailure(error) };
  }
}

/**
 * Reads the next page of a contribution's replies (from its `repliesNextCursor`) and adds them below the
 * ones shown. Focus moves to the first reply added, and the number added is announced, so that a screen
 * reader user hears what the press did and reads on from there; the button stays after the replies while
 * more remain. On a failure the replies stay as they were and the error shows on the contribution.
 *
 * @example
 * ```ts
 * html`<button @click=${() => showMoreReplies(host, c)}>…</button>`;
 * ```
 */
export async function showMoreReplies(host: NassijConsultation, parent: Contribution): Promise<void> {
  const client = host.resolvedClient;
  const cursor = parent.repliesNextCursor;
  const inFlight = loadingReplies.get(host) ?? new Set<string>();
  loadingReplies.set(host, inFlight);
  if (!client || !cursor || inFlight.has(parent.id)) return;
  host.actionError = undefined;
  inFlight.add(parent.id);
  try {
    const page = await client.request(listContributionRepliesRef, {
      params: { contributionId: parent.id },
      query: { cursor, limit: REPLIES_PAGE_SIZE },
    });
    const current = host.contributions?.find((c) => c.id === parent.id);
    const shown = new Set((current?.replies ?? []).map((r) => r.id));
    const added = page.items.filter((r) => !shown.has(r.id));
    host.contributions = host.contributions?.map((c) =>
      c.id === parent.id
        ? { ...c, replies: [...(c.replies ?? []), ...added], repliesNextCursor: page.nextCursor }
        : c,
    );
    host.announcer.announce(host.t('cons.replies.shown', { count: added.length }));
    await host.updateComplete;
    const first = added[0];
    if (first) host.focusOn(`article.contribution[data-id="${first.id}"]`);
  } catch (error) {
    host.actionError = { id: parent.id, code: host.reportFailure(error) };
  } finally {
    inFlight.delete(parent.id);
  }
}

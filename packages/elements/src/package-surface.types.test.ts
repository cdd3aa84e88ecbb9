// Type-level test of what a TypeScript site gets from the package, through its `exports` (resolved with the
// `source` condition in this repository). `npx tsc -p tsconfig.check.json` compiles it; a wrong type fails
// the type check. Nothing here runs: `node --test` finds no test in this file.
import type {
  NassijApplyDetail,
  NassijCallList,
  NassijConsultationList,
  NassijDecideDetail,
  NassijErrorDetail,
  NassijModerationQueue,
  NassijRegisterDetail,
  NassijReviewPanel,
} from '@nassij/elements';
import type { NassijCallEditor } from '@nassij/elements/call-editor.js';
import type { NassijCallList as ClassOnly } from '@nassij/elements/call-list/class.js';
import type {} from '@nassij/elements/call-list.js';
import type { NassijCallManager } from '@nassij/elements/call-manager.js';
import type { NassijConsultationEditor } from '@nassij/elements/consultation-editor.js';
import type { NassijIndicators } from '@nassij/elements/indicators.js';
import type { NassijSessionManager } from '@nassij/elements/session-manager.js';
import type { NassijSubscribe } from '@nassij/elements/subscribe.js';
import type { NassijSynthesisEditor } from '@nassij/elements/synthesis-editor.js';

/** `true` only when `A` and `B` are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const check = <T extends true>(): T | undefined => undefined;

/** Compiled, never called. */
export function typeChecks(): void {
  const list = document.querySelector('nassij-call-list');
  check<Equal<typeof list, NassijCallList | null>>();
  check<Equal<ClassOnly, NassijCallList>>();
  check<Equal<HTMLElementTagNameMap['nassij-review-panel'], NassijReviewPanel>>();
  check<Equal<HTMLElementTagNameMap['nassij-consultation-list'], NassijConsultationList>>();
  check<Equal<HTMLElementTagNameMap['nassij-moderation-queue'], NassijModerationQueue>>();
  check<Equal<HTMLElementTagNameMap['nassij-indicators'], NassijIndicators>>();
  check<Equal<HTMLElementTagNameMap['nassij-call-manager'], NassijCallManager>>();
  check<Equal<HTMLElementTagNameMap['nassij-session-manager'], NassijSessionManager>>();
  check<Equal<HTMLElementTagNameMap['nassij-call-editor'], NassijCallEditor>>();
  check<Equal<HTMLElementTagNameMap['nassij-consultation-editor'], NassijConsultationEditor>>();
  check<Equal<HTMLElementTagNameMap['nassij-subscribe'], NassijSubscribe>>();
  check<Equal<HTMLElementTagNameMap['nassij-synthesis-editor'], NassijSynthesisEditor>>();

  list?.addEventListener('nassij-apply', (event) => {
    check<Equal<typeof event.detail, NassijApplyDetail>>();
    const callId: string = event.detail.callId;
    return callId;
  });
  // @ts-expect-error: the detail of nassij-apply has no `amount`
  list?.addEventListener('nassij-apply', (event) => event.detail.amount);

  // Events bubble and are composed: listeners on document and window are typed too.
  document.addEventListener('nassij-decide', (event) => {
    check<Equal<typeof event.detail, NassijDecideDetail>>();
    const outcome: 'awarded' | 'rejected' = event.detail.outcome;
    return outcome;
  });
  window.addEventListener('nassij-register', (event) => {
    check<Equal<typeof event.detail, NassijRegisterDetail>>();
  });
  document.body.addEventListener('nassij-error', (event) => {
    check<Equal<typeof event.detail, NassijErrorDetail>>();
  });
}

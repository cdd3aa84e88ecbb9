import type { FieldError } from '@nassij/contract';
import type { NassijSessionManager } from './nassij-session-manager.js';

// What the forms and the desk share for their writes: loaded with them, never with the list. Each write is
// busy meanwhile, reports a refusal (`nassij-error`) and shows it where it was asked, in the reader's language.

/**
 * Field errors a refusal names, if any (`validation_failed` with JSON Pointers into the body).
 *
 * @example
 * ```ts
 * fieldErrorsOf(error).map((field) => field.path); // ['/title/fr']
 * ```
 */
export function fieldErrorsOf(error: unknown): FieldError[] {
  const list = (error as { fieldErrors?: FieldError[] } | undefined)?.fieldErrors;
  return Array.isArray(list) ? list : [];
}

/**
 * Runs a write: busy meanwhile, its failure reported and kept under `scope` (with the fields it names, when
 * `fields` maps the body's pointers to the form's field ids). Resolves `undefined` when it failed.
 *
 * @example
 * ```ts
 * const saved = await write(host, 'cancel', () => client.request(cancelSessionRef, …));
 * ```
 */
export async function write<T>(
  host: NassijSessionManager,
  scope: string,
  request: () => Promise<T>,
  fields?: (pointer: string) => string | undefined,
): Promise<T | undefined> {
  host.busy = true;
  host.actionError = undefined;
  host.notice = undefined;
  try {
    return await request();
  } catch (error) {
    const code = host.reportFailure(error);
    const named: Record<string, string> = {};
    for (const field of fieldErrorsOf(error)) {
      const id = fields?.(field.path);
      if (id && !named[id]) named[id] = 'sm.err.server';
    }
    host.fieldErrors = named;
    host.actionError = { scope, code };
    return undefined;
  } finally {
    host.busy = false;
  }
}

/**
 * Focuses `selector` in the host once it has rendered.
 *
 * @example
 * ```ts
 * await focus(host, '#sm-screen-h');
 * ```
 */
export async function focus(host: NassijSessionManager, selector: string): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

/**
 * Says what a write did, where it happened and in the live region.
 *
 * @example
 * ```ts
 * done(host, 'course-crs_1', host.t('sm.course.saved', { title }));
 * ```
 */
export function done(host: NassijSessionManager, scope: string, text: string): void {
  host.notice = { scope, text };
  host.announcer.announce(text);
}

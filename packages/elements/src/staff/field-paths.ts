import type { FieldError } from '@nassij/contract';

// Problems name fields by JSON Pointer into a draft's fields (`/budget/minAward`, `/title/fr`). Each
// control of a staff editor carries the pointer it edits in `data-path`, and its id is derived from it, so
// that the error summary links to the control and a field's own message sits beside it.

/**
 * The id of the control that edits `pointer`.
 *
 * @example
 * ```ts
 * fieldId('/title/fr'); // 'f-title-fr'
 * ```
 */
export function fieldId(pointer: string): string {
  return `f${pointer.replaceAll('/', '-')}`;
}

/**
 * The id to move focus to for a problem at `pointer`: the control of that pointer, else of the nearest
 * enclosing one shown (`/title` for a missing title: its Arabic input). Without `root`, the derived id.
 *
 * @example
 * ```ts
 * anchorId(editor.shadowRoot, '/contact'); // 'f-contact-email'
 * ```
 */
export function anchorId(root: ParentNode | undefined, pointer: string): string | undefined {
  if (!root) return fieldId(pointer);
  const first = (selector: string) => root.querySelector<HTMLElement>(selector)?.id || undefined;
  // The control of that pointer, else the first control inside it (`/contact`: its e-mail), else go up.
  for (let path = pointer; path; path = path.slice(0, path.lastIndexOf('/'))) {
    const quoted = JSON.stringify(path);
    const id = first(`[data-path=${quoted}]`) ?? first(`[data-path^=${JSON.stringify(`${path}/`)}]`);
    if (id) return id;
  }
  return undefined;
}

/**
 * The problems shown at a control: those of its pointer, and those of an enclosing pointer it stands for.
 *
 * @example
 * ```ts
 * problemsAt(problems, '/title/ar', ['/title']);
 * ```
 */
export function problemsAt(
  problems: readonly FieldError[],
  path: string,
  also: readonly string[] = [],
): FieldError[] {
  return problems.filter((problem) => problem.path === path || also.includes(problem.path));
}

/**
 * Moves focus to the control a problem at `pointer` names (see `anchorId`), opening the disclosure it sits
 * in: what an error summary's link does. Does nothing when no control stands for it.
 *
 * @example
 * ```ts
 * await editor.updateComplete;
 * focusAnchor(editor.renderRoot, '/title/zgh'); // opens "other languages", focuses the Tamazight title
 * ```
 */
export function focusAnchor(root: ParentNode, pointer: string): void {
  const id = anchorId(root, pointer);
  const target = id ? root.querySelector<HTMLElement>(`#${CSS.escape(id)}`) : null;
  if (!target) return;
  target.closest('details')?.setAttribute('open', '');
  target.focus();
  target.scrollIntoView?.({ block: 'center' });
}

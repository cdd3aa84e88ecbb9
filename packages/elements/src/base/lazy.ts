// Code a reader needs only after an interaction (a call's details, a registration dialog, an application under
// review) is imported then, in parallel with the request for its data, so that the first download of a page
// stays small. The one way components do it: `lazy()` for the module (used through base/states.ts, so that it
// sits in the base chunk), `styleAdopter()` (base/style-adopter.ts) for the view's styles.

/**
 * A module imported on first need (when the data that needs it is requested, in parallel with that
 * request), then kept for the page's life: the entry stays small. A failed import (offline) is not kept, so
 * a retry imports again.
 *
 * @example
 * ```ts
 * const listView = lazy(() => import('./views/list.js'));
 * const [items] = await Promise.all([request(), listView.load()]);
 * listView.value?.renderList(host, items, open);
 * ```
 */
export interface Lazy<M> {
  /** The module once imported. */
  readonly value: M | undefined;
  /** Imports the module (once; again after a failure). */
  load(): Promise<M>;
}

/** A {@link Lazy} module around an `import()`. */
export function lazy<M>(importer: () => Promise<M>): Lazy<M> {
  let value: M | undefined;
  let pending: Promise<M> | undefined;
  return {
    get value() {
      return value;
    },
    load() {
      pending ??= importer().then(
        (module) => (value = module),
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
  };
}

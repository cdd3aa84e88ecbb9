/** What Nassij keeps on `globalThis.__nassij`, shared by every bundle and version loaded on a page. */
export interface NassijRegistry {
  /** The version that defined each tag. */
  versions: Record<string, string>;
  /** `tag@version` pairs already warned about, so a clash warns once. */
  warned?: Record<string, true>;
}

/** The page-wide registry, created on first use. */
export function nassijRegistry(): NassijRegistry {
  const scope = globalThis as { __nassij?: NassijRegistry };
  scope.__nassij ??= { versions: {} };
  return scope.__nassij;
}

/**
 * Registers a custom element once per page, whatever the number of bundles or versions loaded: a free tag is
 * defined and its version recorded; the same version again is skipped silently; another version keeps the
 * first definition and warns once, naming both versions. Never throws, so a second bundle cannot break a page.
 *
 * @example
 * ```ts
 * // call-list/define.ts — the only module of a component with a side effect
 * defineElement('nassij-call-list', NassijCallList, VERSION);
 * ```
 */
export function defineElement(tag: string, ctor: CustomElementConstructor, version: string): void {
  if (typeof customElements === 'undefined') return; // server-side rendering or Node: nothing to register
  const registry = nassijRegistry();
  if (!customElements.get(tag)) {
    customElements.define(tag, ctor);
    registry.versions[tag] = version;
    return;
  }
  const existing = registry.versions[tag] ?? 'unknown';
  if (existing === version) return;
  registry.warned ??= {};
  const key = `${tag}@${version}`;
  if (registry.warned[key]) return;
  registry.warned[key] = true;
  console.warn(
    `<${tag}> is already defined by @nassij/elements ${existing}; version ${version} loaded later is ignored. ` +
      'Load a single Nassij bundle per page.',
  );
}

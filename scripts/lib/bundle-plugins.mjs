// @ts-check
// The rollup plugins shared by the CDN build and the bundle measurements, so that both measure the same thing.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/**
 * Rollup plugins for a browser ESM bundle of our TypeScript sources: `source` export condition, esbuild to
 * ES2022, terser.
 *
 * @example
 * import { rollup } from 'rollup';
 * const bundle = await rollup({ input: 'packages/sdk/src/index.ts', plugins: browserBundlePlugins() });
 * @returns {import('rollup').Plugin[]}
 */
export function browserBundlePlugins() {
  return [
    // esbuild first: it maps the `.js` of NodeNext imports to the `.ts` files beside them.
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json' }),
    nodeResolve({ exportConditions: ['source', 'browser', 'import'], browser: true }),
    terser({ format: { comments: false } }),
  ];
}

/**
 * Drops zod's harmless warnings (annotations and import cycles inside node_modules); shows the rest.
 *
 * @example
 * rollup({ input, onwarn: quietOnwarn });
 * @param {import('rollup').RollupLog} warning
 * @param {(warning: import('rollup').RollupLog) => void} warn
 */
export function quietOnwarn(warning, warn) {
  const inNodeModules = (/** @type {string | undefined} */ text) => Boolean(text?.includes('node_modules'));
  if (warning.code === 'INVALID_ANNOTATION' && inNodeModules(warning.id ?? warning.message)) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && (warning.ids ?? []).every((id) => inNodeModules(id))) return;
  warn(warning);
}

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
    minifyCssTemplates(),
    nodeResolve({ exportConditions: ['source', 'browser', 'import'], browser: true }),
    terser({ module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } }),
  ];
}

/**
 * Minifies the CSS inside Lit's css`…` templates of our own sources (comments out, white space runs
 * folded), which terser cannot do because it is string content. Only `css` tags: white space in html`…`
 * templates can be meaningful.
 *
 * @example
 * rollup({ input, plugins: [minifyCssTemplates()] });
 * @returns {import('rollup').Plugin}
 */
export function minifyCssTemplates() {
  return {
    name: 'nassij-minify-css-templates',
    transform(code, id) {
      if (id.includes('node_modules') || !/\/packages\/[^/]+\/src\//.test(id) || !code.includes('css`'))
        return null;
      const out = code.replace(/\bcss`([^`]*)`/g, (_match, body) => {
        const css = String(body)
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${css}\``;
      });
      return { code: out, map: null };
    },
  };
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

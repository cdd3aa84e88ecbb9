// Custom Elements Manifest of @nassij/elements (read by Storybook autodocs and IDEs).
// `npx cem analyze --config custom-elements-manifest.config.mjs` writes packages/elements/custom-elements.json.
export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['packages/elements/src/**/*.test.ts', 'packages/elements/src/**/*.d.ts'],
  outdir: 'packages/elements',
  litelement: true,
};

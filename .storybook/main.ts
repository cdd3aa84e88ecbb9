import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Autodocs read the Custom Elements Manifest; regenerate it so the docs follow the sources.
function generateManifest(): void {
  const analyzer = resolve(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
  if (!existsSync(analyzer)) return;
  execFileSync(process.execPath, [analyzer, 'analyze', '--config', 'custom-elements-manifest.config.mjs'], {
    cwd: root,
    stdio: 'ignore',
  });
}
generateManifest();

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  // Autodocs pages, fed by the Custom Elements Manifest (attributes, properties, events, parts, CSS properties).
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  async viteFinal(vite) {
    // Workspace packages resolve to their TypeScript sources, as in the tests.
    vite.resolve ??= {};
    vite.resolve.conditions = ['source', 'browser', 'import', 'module', 'default'];
    return vite;
  },
};

export default config;

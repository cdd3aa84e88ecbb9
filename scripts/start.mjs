#!/usr/bin/env node
// @ts-check
// `npm start`: builds, then runs the reference server with the demo data, the examples and the CDN bundles.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

if (!existsSync(join(ROOT, 'packages/server/src/cli.ts'))) {
  console.error('start: packages/server/src/cli.ts does not exist yet, so there is no server to start.');
  process.exit(1);
}

const build = spawnSync(process.execPath, [join('scripts', 'build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('start: the build failed, not starting the server');
  process.exit(build.status ?? 1);
}

const port = process.env.PORT || '8787';
const server = spawn(
  process.execPath,
  [
    'packages/server/dist/cli.js',
    '--port',
    port,
    '--data',
    './.nassij-data',
    '--seed',
    'demo',
    '--examples',
    './examples',
    '--cdn',
    './packages/elements/dist/cdn',
  ],
  { stdio: 'inherit' },
);

// The server gets the signal and closes itself cleanly; this process leaves with its exit code.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}
server.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// @ts-check
// The packages as a consumer gets them: `npm pack` every workspace, check what each tarball holds, then in
// empty folders outside the repository install the four tarballs together, and the SDK with only the
// contract, and use them (imports of every export, the `nassij-server` bin, the SDK against it, and the
// published type declarations compiled as a TypeScript consumer would).
//
// It needs each package's built dist/: `npm test` runs the build suite before the node suite. Alone (or with
// `--only node`) it brings dist/ up to date itself: `tsc -b` (incremental, a few seconds when nothing
// changed), and the whole `node scripts/build.mjs` only when something an `exports` entry names is missing.
//
// Third-party dependencies come from the npm registry (or npm's cache). better-sqlite3 is installed without
// its install script and given the native module the workspace already compiled for the same version, which
// saves a minute of compiling; a different version is compiled with `npm rebuild`.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import ts from 'typescript';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/chromium.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = /** @type {const} */ (['contract', 'sdk', 'elements', 'server']);
const REPOSITORY = 'git+https://github.com/nassij/nassij.git';
/** Paths no tarball may hold: tests, test support, benchmarks, build state. */
const FORBIDDEN =
  /(^|\/)(test-support|bench|__tests__|coverage)\/|\.test\.|(^|\/)test-env\.d\.ts$|\.tsbuildinfo$/;

/** @typedef {{ name: string, version: string, dir: string, manifest: Record<string, any>, tarball: string, files: string[] }} Packed */

/** @type {Map<string, Packed>} */
const packed = new Map();
/** @type {string} */
let work;

/** A port nothing listens on (taken, then released). @returns {Promise<number>} */
function freePort() {
  return new Promise((ok, fail) => {
    const probe = createNetServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? ok(address.port) : fail(new Error('no port')),
      );
    });
  });
}

/** The consumer folder with all four tarballs, once installed. @type {string | undefined} */
let allFour;
const started = Date.now();

/** Environment for child npm runs: none of the settings `npm test` passes down about this workspace. */
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) =>
      !/^npm_(package|lifecycle)_/i.test(key) &&
      !/^npm_config_(prefix|local_prefix|global|workspaces?|include_workspace_root|ignore_scripts|dry_run)$/i.test(
        key,
      ),
  ),
);

/**
 * Runs a command to its end and returns its output; a non-zero exit fails with the command's output.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, timeout?: number }} options
 */
function run(command, args, { cwd, timeout = 180_000 }) {
  const t0 = Date.now();
  const result = spawnSync(command, args, {
    cwd,
    env: childEnv,
    encoding: 'utf8',
    timeout,
    maxBuffer: 64 << 20,
  });
  const took = `${((Date.now() - t0) / 1000).toFixed(1)}s`;
  const shown = `${command} ${args.join(' ')}`;
  if (result.status !== 0) {
    throw new Error(
      `${shown} (in ${cwd}) failed after ${took} with ${result.status ?? result.signal}\n${result.stdout}\n${result.stderr}`,
    );
  }
  console.log(`pack: ${shown.length > 110 ? `${shown.slice(0, 107)}...` : shown} (${took})`);
  return result.stdout;
}

/** @param {string} message */
const step = (message) => console.log(`pack: ${message} at ${((Date.now() - started) / 1000).toFixed(1)}s`);

/**
 * Every file an `exports` map (or `bin`) points to, without the leading `./`.
 * @param {unknown} target
 * @returns {string[]}
 */
function exportTargets(target) {
  if (typeof target === 'string') return [target.replace(/^\.\//, '')];
  if (target && typeof target === 'object') return Object.values(target).flatMap(exportTargets);
  return [];
}

/** @param {Record<string, any>} manifest */
const allTargets = (manifest) => [
  ...new Set([
    ...exportTargets(manifest.exports),
    ...exportTargets(manifest.bin),
    ...exportTargets(manifest.main),
    ...exportTargets(manifest.types),
  ]),
];

/** Builds dist/ when something an export names is missing (see the header). */
function ensureBuilt() {
  run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-b'], { cwd: ROOT });
  const missing = () =>
    PACKAGES.flatMap((dir) => {
      const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8'));
      return allTargets(manifest)
        .map((target) => `packages/${dir}/${target}`)
        .filter((path) => !existsSync(join(ROOT, path)));
    });
  if (missing().length > 0) {
    step(`building, since ${missing().slice(0, 3).join(', ')} … are missing`);
    run(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, timeout: 300_000 });
  }
  assert.deepEqual(missing(), [], 'after the build, every file the exports name exists');
}

before(
  () => {
    ensureBuilt();
    work = mkdtempSync(join(tmpdir(), 'nassij-pack-'));
    const tarballs = join(work, 'tarballs');
    mkdirSync(tarballs);
    const json = run(
      'npm',
      [
        'pack',
        '--json',
        '--pack-destination',
        tarballs,
        ...PACKAGES.flatMap((dir) => ['-w', `packages/${dir}`]),
      ],
      { cwd: ROOT },
    );
    /** @type {{ name: string, version: string, filename: string, files: { path: string }[] }[]} */
    const results = JSON.parse(json);
    for (const result of results) {
      const dir = PACKAGES.find((d) => `@nassij/${d}` === result.name);
      assert.ok(dir, `npm pack made ${result.name}`);
      const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8'));
      packed.set(dir, {
        name: result.name,
        version: result.version,
        dir,
        manifest,
        tarball: join(tarballs, result.filename),
        files: result.files.map((file) => file.path),
      });
    }
    assert.deepEqual([...packed.keys()].sort(), [...PACKAGES].sort());
    step('packed');
  },
  { timeout: 300_000 },
); // a cold build takes a minute or two

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  step('done');
});

for (const dir of PACKAGES) {
  test(`@nassij/${dir}: the tarball holds what it exports, its licence and readme, and no tests`, () => {
    const { files, manifest } = /** @type {Packed} */ (packed.get(dir));
    const has = new Set(files);
    for (const required of ['package.json', 'LICENSE', 'README.md'])
      assert.ok(has.has(required), `has ${required}`);
    assert.match(
      readFileSync(join(ROOT, 'packages', dir, 'LICENSE'), 'utf8'),
      /^MIT License\n\nCopyright \(c\) 2026 The Nassij contributors\n/,
    );
    const missing = allTargets(manifest).filter((target) => !has.has(target));
    assert.deepEqual(missing, [], 'every file named by exports and bin is in the tarball');
    assert.deepEqual(
      files.filter((file) => FORBIDDEN.test(file)),
      [],
      'no tests, test support or benchmarks',
    );
    assert.ok(
      files.some((file) => file.startsWith('dist/')),
      'ships dist/',
    );
  });

  test(`@nassij/${dir}: package.json is ready for the registry`, () => {
    const { manifest, version } = /** @type {Packed} */ (packed.get(dir));
    assert.equal(manifest.license, 'MIT');
    assert.equal(manifest.private, undefined, 'not private');
    assert.deepEqual(manifest.repository, { type: 'git', url: REPOSITORY, directory: `packages/${dir}` });
    assert.match(manifest.homepage ?? '', /^https:\/\/github\.com\/nassij\/nassij\b/);
    assert.equal(manifest.bugs?.url, 'https://github.com/nassij/nassij/issues');
    assert.ok(Array.isArray(manifest.keywords) && manifest.keywords.includes('nassij'), 'keywords');
    assert.equal(manifest.type, 'module');
    assert.equal(manifest.publishConfig?.access, 'public', 'a scoped package is published as public');
    // Internal dependencies are caret ranges on the sibling's current version: they resolve to the tarballs
    // here, and `changeset version` moves them with the versions (it keeps the range type).
    for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
      if (!name.startsWith('@nassij/')) continue;
      const sibling = packed.get(name.slice('@nassij/'.length));
      assert.ok(sibling, `${name} is a workspace package`);
      assert.equal(range, `^${sibling.version}`, `${name} as a range on its version ${sibling.version}`);
    }
    assert.match(version, /^\d+\.\d+\.\d+(-[\w.]+)?$/);
  });
}

/**
 * An empty consumer project outside the repository with the given tarballs installed.
 * @param {string} name
 * @param {readonly (typeof PACKAGES)[number][]} dirs
 */
function consumer(name, dirs) {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name, private: true, type: 'module' }, null, 2)}\n`,
  );
  const tarballs = dirs.map((d) => relative(dir, /** @type {Packed} */ (packed.get(d)).tarball));
  run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], {
    cwd: dir,
  });
  return dir;
}

/**
 * Runs an ES module in a consumer folder and returns what it printed.
 * @param {string} dir
 * @param {string} code
 */
function runIn(dir, code) {
  const file = join(dir, `check-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  return run(process.execPath, [file], { cwd: dir, timeout: 60_000 });
}

/**
 * Starts the installed `nassij-server` bin and resolves with its address once it listens.
 * @param {string} dir
 * @param {string[]} [extra] more flags
 * @returns {Promise<{ url: string, stop(): Promise<void> }>}
 */
function startBin(dir, extra = /** @type {string[]} */ ([])) {
  const child = spawn(
    join(dir, 'node_modules', '.bin', 'nassij-server'),
    ['--port', '0', '--seed', 'demo', '--data', join(dir, 'data'), '--log-level', 'warn', ...extra],
    { cwd: dir, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nassij-server did not start:\n${output}`)), 30_000);
    const onData = (/** @type {Buffer} */ chunk) => {
      output += chunk.toString('utf8');
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({
        url,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`nassij-server exited with ${code}:\n${output}`));
    });
  });
}

/** Gives the install the native module the workspace compiled, or compiles it when the versions differ. */
function provideSqliteBinding(/** @type {string} */ dir) {
  const installed = join(dir, 'node_modules', 'better-sqlite3');
  const version = (/** @type {string} */ path) =>
    JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')).version;
  const ours = join(ROOT, 'node_modules', 'better-sqlite3');
  const binding = join('build', 'Release', 'better_sqlite3.node');
  if (existsSync(join(ours, binding)) && version(ours) === version(installed)) {
    mkdirSync(join(installed, 'build', 'Release'), { recursive: true });
    copyFileSync(join(ours, binding), join(installed, binding));
    step(`better-sqlite3 ${version(installed)}: native module copied from the workspace`);
  } else {
    run('npm', ['rebuild', 'better-sqlite3'], { cwd: dir, timeout: 300_000 });
  }
}

/**
 * The installed packages' type declarations, compiled as a strict TypeScript consumer would (NodeNext, no
 * `source` condition, so the `types` entries are what resolves). Only problems in our files count.
 * @param {string} dir
 * @param {string} code
 */
function typeCheckIn(dir, code) {
  const file = join(dir, 'consumer.ts');
  writeFileSync(file, code);
  const program = ts.createProgram({
    rootNames: [file],
    options: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      strict: true,
      noEmit: true,
      // @types/node is a consumer's own devDependency; take the workspace's.
      typeRoots: [join(ROOT, 'node_modules', '@types')],
      types: ['node'],
    },
  });
  const ours = program
    .getSourceFiles()
    .filter((source) => source.fileName === file || source.fileName.includes('/node_modules/@nassij/'));
  assert.ok(ours.length > 1, 'the declarations of the packages were found');
  const problems = ours.flatMap((source) => [
    ...program.getSyntacticDiagnostics(source),
    ...program.getSemanticDiagnostics(source),
  ]);
  assert.deepEqual(
    problems.map((d) => {
      const where = d.file
        ? `${relative(dir, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : '';
      return `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    }),
    [],
  );
  step(`type-checked ${ours.length} declaration files`);
}

test('the four tarballs install together: every export imports, the bin serves, the SDK talks to it', async () => {
  const dir = consumer('all-four', PACKAGES);
  for (const name of ['contract', 'sdk', 'elements', 'server']) {
    assert.ok(
      existsSync(join(dir, 'node_modules', '@nassij', name, 'package.json')),
      `@nassij/${name} installed from its tarball`,
    );
  }
  assert.ok(
    !existsSync(join(dir, 'node_modules', '@nassij', 'sdk', 'node_modules', '@nassij')),
    'one copy of @nassij/contract, shared',
  );
  provideSqliteBinding(dir);
  // Every entry of every exports map, by its public specifier.
  const specifiers = PACKAGES.flatMap((name) =>
    Object.keys(/** @type {Packed} */ (packed.get(name)).manifest.exports ?? { '.': '' })
      .filter((key) => !key.endsWith('.json'))
      .map((key) => `@nassij/${name}${key.slice(1)}`),
  );
  const printed = runIn(
    dir,
    `const specifiers = ${JSON.stringify(specifiers)};
for (const specifier of specifiers) {
  const resolved = import.meta.resolve(specifier);
  if (!resolved.includes('/node_modules/@nassij/')) throw new Error(specifier + ' resolved to ' + resolved);
  const module = await import(specifier);
  if (Object.keys(module).length === 0 && !/\\.js$/.test(specifier)) throw new Error(specifier + ' exports nothing');
}
const { REGIONS } = await import('@nassij/contract');
const { createClient } = await import('@nassij/sdk');
const { NassijCallList } = await import('@nassij/elements');
const { startServer } = await import('@nassij/server');
const { tempServer } = await import('@nassij/server/testing');
const { demoFixtures } = await import('@nassij/server/fixtures');
if (REGIONS.length !== 12) throw new Error('12 regions');
if (typeof NassijCallList !== 'function' || typeof startServer !== 'function') throw new Error('classes');
const server = await tempServer();
try {
  const call = await createClient({ baseUrl: server.url }).calls.get(demoFixtures.calls.openEligible);
  console.log('imported ' + specifiers.length + ' entry points; the testing server answered ' + call.id);
} finally {
  await server.stop();
}
`,
  );
  assert.match(printed, /imported \d+ entry points; the testing server answered call_/);

  const server = await startBin(dir);
  try {
    const health = await fetch(`${server.url}/healthz`);
    assert.equal(health.status, 200, 'the bin serves /healthz');
    const out = runIn(
      dir,
      `import { createClient } from '@nassij/sdk';
const client = createClient({ baseUrl: ${JSON.stringify(server.url)} });
const page = await client.calls.search({ status: ['open'] });
console.log('open calls: ' + page.total);
`,
    );
    assert.match(out, /open calls: [1-9]/);
  } finally {
    await server.stop();
  }

  typeCheckIn(
    dir,
    `import { CallSearchQuery, validate, type Call } from '@nassij/contract';
import { createClient, NassijConflictError } from '@nassij/sdk';
import { NassijCallList } from '@nassij/elements';
import { startServer } from '@nassij/server';
import { tempServer } from '@nassij/server/testing';
import { demoFixtures } from '@nassij/server/fixtures';

const client = createClient({ baseUrl: 'http://localhost:8787' });
const call: Call = await client.calls.get(demoFixtures.calls.openEligible);
const checked = validate(CallSearchQuery, { status: ['open'] }, 'query');
const element: HTMLElement = new NassijCallList();
void [call, checked, element, startServer, tempServer, NassijConflictError];

// The tag map and the typed events, as a page script would use them.
const list = document.querySelector('nassij-call-list');
if (list) {
  const typed: NassijCallList = list;
  typed.addEventListener('nassij-apply', (event) => {
    const callId: string = event.detail.callId;
    void callId;
  });
}
`,
  );
  allFour = dir;
});

test('a page on another origin renders the two README lines; a Vite app renders one self-registering import', async () => {
  assert.ok(allFour, 'the four tarballs were installed by the test above');
  const dir = allFour;
  const cdn = join(dir, 'node_modules', '@nassij', 'elements', 'dist', 'cdn');
  assert.ok(existsSync(join(cdn, 'nassij.js')), 'the elements tarball ships the CDN bundles');
  // The platform as an operator starts it: no allowlist, nothing but the demo seed and the bundles.
  const platform = await startBin(dir, ['--cdn', cdn]);
  const closedPort = await freePort();

  // A Vite app of a site's developers: one self-registering import from the npm package.
  const app = join(dir, 'vite-app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'index.html'),
    `<!doctype html><html lang="fr"><body>
<nassij-call-list api-base="${platform.url}/" status="open"></nassij-call-list>
<script type="module" src="./main.js"></script></body></html>`,
  );
  writeFileSync(join(app, 'main.js'), "import '@nassij/elements/call-list.js';\n");
  // The site serves the app under /app/.
  const viteArgs = ['build', '--logLevel', 'warn', '--outDir', 'dist', '--base', '/app/'];
  run(join(ROOT, 'node_modules', '.bin', 'vite'), viteArgs, {
    cwd: app,
  });
  step('vite built the app');

  /** The site: another origin, serving its own pages. */
  const pages = {
    '/two-lines.html': `<!doctype html><html lang="ar" dir="rtl"><body>
<script type="module" src="${platform.url}/cdn/nassij.js"></script>
<nassij-call-list api-base="${platform.url}/" status="open" lang="ar"></nassij-call-list></body></html>`,
    '/unreachable.html': `<!doctype html><html lang="en"><body>
<script type="module" src="${platform.url}/cdn/nassij.js"></script>
<nassij-call-list api-base="http://127.0.0.1:${closedPort}/" status="open"></nassij-call-list></body></html>`,
  };
  const site = createHttpServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://site').pathname;
    // A site has its own favicon; without one, Chromium logs the 404 as a console error.
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const page = pages[/** @type {keyof typeof pages} */ (path)];
    if (page) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    const file = join(app, 'dist', path.replace(/^\/app\//, '/'));
    if (path.startsWith('/app/') && existsSync(file) && !file.includes('..')) {
      const type = file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8';
      response.writeHead(200, { 'content-type': type }).end(readFileSync(file));
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise((ok) => site.listen(0, '127.0.0.1', () => ok(undefined)));
  const address = site.address();
  const siteUrl = `http://127.0.0.1:${address && typeof address === 'object' ? address.port : 0}`;

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    /** Opens a page of the site and returns what its console said. */
    const open = async (/** @type {string} */ path) => {
      const page = await browser.newPage();
      /** @type {string[]} */
      const errors = [];
      /** @type {string[]} */
      const warnings = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
        if (message.type() === 'warning') warnings.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('response', (answer) => {
        if (answer.status() >= 400) errors.push(`${answer.status()} ${answer.url()}`);
      });
      await page.goto(`${siteUrl}${path}`);
      return { page, errors, warnings };
    };
    const cards = (/** @type {import('playwright-core').Page} */ page) =>
      page.waitForFunction(
        () =>
          (document.querySelector('nassij-call-list')?.shadowRoot?.querySelectorAll('article.card').length ??
            0) > 0,
        undefined,
        { timeout: 20_000 },
      );

    const embedded = await open('/two-lines.html');
    await cards(embedded.page);
    assert.deepEqual(embedded.errors, [], 'no console error on a site on no list');

    const unreachable = await open('/unreachable.html');
    await unreachable.page.waitForFunction(
      (expected) => document.querySelector('nassij-call-list')?.shadowRoot?.textContent?.includes(expected),
      'The platform cannot be reached right now',
      { timeout: 20_000 },
    );
    // The hint's module loads only on failure, so the line may follow the message by a moment.
    const hintsOf = () => unreachable.warnings.filter((line) => line.startsWith('[nassij-call-list]'));
    for (let waited = 0; hintsOf().length === 0 && waited < 10_000; waited += 100)
      await new Promise((ok) => setTimeout(ok, 100));
    await new Promise((ok) => setTimeout(ok, 500));
    const hints = hintsOf();
    assert.equal(hints.length, 1, 'one console line tells the site owner what to fix');
    assert.match(hints[0] ?? '', /127\.0\.0\.1:\d+/);

    const vite = await open('/app/index.html');
    await cards(vite.page);
    assert.deepEqual(vite.errors, [], 'no console error in the Vite app');
    step('Chromium rendered the two-line embed, the unreachable message and the Vite app');
  } finally {
    await browser.close();
    await new Promise((ok) => site.close(() => ok(undefined)));
    await platform.stop();
  }
});

test('the SDK installs with only the contract and works on its own', () => {
  const dir = consumer('sdk-only', ['sdk', 'contract']);
  assert.ok(!existsSync(join(dir, 'node_modules', '@nassij', 'server')), 'no server');
  assert.ok(!existsSync(join(dir, 'node_modules', '@nassij', 'elements')), 'no elements');
  assert.ok(!existsSync(join(dir, 'node_modules', 'lit')), 'no Lit');
  const printed = runIn(
    dir,
    `import { createClient, NassijNetworkError } from '@nassij/sdk';
const client = createClient({ baseUrl: 'http://127.0.0.1:9', timeout: 2000, retry: { limit: 0 } });
try {
  await client.meta.health();
  throw new Error('a closed port answered');
} catch (error) {
  if (!(error instanceof NassijNetworkError)) throw error;
}
console.log('sdk ok: ' + import.meta.resolve('@nassij/sdk'));
`,
  );
  assert.match(printed, /sdk ok: file:.*\/sdk-only\/node_modules\/@nassij\/sdk\/dist\/index\.js/);
  typeCheckIn(
    dir,
    `import { createClient, type NassijClient } from '@nassij/sdk';
const client: NassijClient = createClient({ baseUrl: 'https://platform.example' });
const page = await client.calls.search({ status: ['open'] });
const first: string | undefined = page.items[0]?.reference;
void first;
`,
  );
});

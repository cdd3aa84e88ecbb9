// @ts-check
// Docs that run: every ```ts, ```js and ```html example of README.md, docs/*.md and the consumer READMEs of
// @nassij/contract, @nassij/sdk and @nassij/server.
//
// - The ts/js examples of a page read like one program: a snippet may use what an earlier snippet of the same
//   page declared (scripts/lib/doc-snippets.mjs turns each into a module that imports those names).
// - Every ts snippet is type-checked (strict) against the workspace packages; js snippets are parsed.
// - Unless its info string says `browser` (needs a page) or `no-run <reason>`, a snippet then runs in Node.
//   A page whose running snippets name `https://platform.example` gets a fresh reference server with the
//   demo data (tempServer), and that origin is replaced by the server's address in the page's snippets.
//   Snippets run with a temporary folder as working directory, holding `statuts.pdf` (a valid PDF).
//   NASSIJ_DOCS_VERBOSE=1 prints what each one printed.
// - html snippets are parsed strictly; every custom element must be one the elements package defines, with
//   attributes it observes (or global ones), every `nassij-…` event listened to must be one it emits, and
//   a script loaded from `…/cdn/` must be a CDN entry.
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import ts from 'typescript';
import { extractSnippets, linkSnippets, parseHtmlSnippet } from './lib/doc-snippets.mjs';
import { walkFiles } from './lib/suite-tools.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The platform's address in the docs; a running snippet gets a demo server's address instead. */
const PLACEHOLDER_ORIGIN = 'https://platform.example';

const PAGES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
  'packages/contract/README.md',
  'packages/sdk/README.md',
  'packages/server/README.md',
].filter((page) => existsSync(join(ROOT, page)));

const snippetsByPage = new Map(
  PAGES.map((page) => [page, extractSnippets(page, readFileSync(join(ROOT, page), 'utf8'))]),
);

// ---------------------------------------------------------------------------------------------------------
// What the elements package defines, read from its sources.

const ELEMENTS_SRC = join(ROOT, 'packages/elements/src');
const elementSources = walkFiles(
  ROOT,
  ELEMENTS_SRC,
  (name) => name.endsWith('.ts') && !/\.test\.ts$/.test(name),
)
  .filter((path) => !path.includes('/test-support/'))
  .map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
/** tag → module that registers it */
const TAGS = new Map();
/** @type {Set<string>} */
const EVENTS = new Set();
for (const { path, text } of elementSources) {
  for (const m of text.matchAll(/(?:defineElement|customElements\.define)\(\s*['"](nassij-[a-z0-9-]+)['"]/g))
    TAGS.set(m[1], path);
  for (const m of text.matchAll(/(?:\bemit|new CustomEvent)(?:<[^>]*>)?\(\s*['"](nassij-[a-z0-9-]+)['"]/g))
    EVENTS.add(/** @type {string} */ (m[1]));
  for (const m of text.matchAll(/@fires\s+(?:\{(?:[^{}]|\{[^{}]*\})*\}\s+)?(nassij-[a-z0-9-]+)/g))
    EVENTS.add(/** @type {string} */ (m[1]));
}
const CDN_ENTRIES = new Set(
  readdirSync(join(ELEMENTS_SRC, 'cdn'))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.includes('.test.'))
    .map((name) => name.replace(/\.ts$/, '')),
);
const GLOBAL_ATTRIBUTES = new Set([
  'id',
  'class',
  'style',
  'lang',
  'dir',
  'hidden',
  'title',
  'slot',
  'part',
  'exportparts',
  'tabindex',
  'translate',
  'inert',
  'role',
]);

/** @param {string} code */
function checkEventNames(code) {
  const unknown = [...code.matchAll(/addEventListener\(\s*['"](nassij-[a-z0-9-]+)['"]/g)]
    .map((m) => /** @type {string} */ (m[1]))
    .filter((name) => !EVENTS.has(name));
  assert.deepEqual(unknown, [], `events no element emits (known: ${[...EVENTS].sort().join(', ')})`);
}

// ---------------------------------------------------------------------------------------------------------
// Set-up: one folder of modules per page, one demo server per page that needs one, one type-check.

const work = join(ROOT, '.test-output');
/** @type {string} */
let workDir;
/** @type {Map<string, { stop(): Promise<void> }>} */
const servers = new Map();
/** @type {Map<import('./lib/doc-snippets.mjs').Snippet, { path: string, preludeLines: number }>} */
const modules = new Map();
/** @type {Map<string, readonly ts.Diagnostic[]>} */
let diagnostics = new Map();
const startDir = process.cwd();
const counts = { run: 0, browser: 0, 'no-run': 0, html: 0 };

before(async () => {
  mkdirSync(work, { recursive: true });
  workDir = mkdtempSync(join(work, 'docs-examples-'));
  const { demoFixtures, pdfBytes, tempServer } = await import('@nassij/server/testing');
  assert.ok(demoFixtures.calls.openEligible, 'the demo fixtures load');

  await Promise.all(
    [...snippetsByPage].map(async ([page, snippets]) => {
      const code = snippets.filter((s) => s.lang !== 'html');
      if (code.length === 0) return;
      const dir = join(workDir, page.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'statuts.pdf'), pdfBytes());
      let origin = PLACEHOLDER_ORIGIN;
      if (code.some((s) => s.mode === 'run' && s.code.includes(PLACEHOLDER_ORIGIN))) {
        const server = await tempServer({ rateLimit: false });
        servers.set(page, server);
        origin = server.url;
      }
      const linked = linkSnippets(
        code.map((s) => ({ ...s, code: s.code.replaceAll(PLACEHOLDER_ORIGIN, origin) })),
      );
      code.forEach((snippet, index) => {
        const module = /** @type {import('./lib/doc-snippets.mjs').SnippetModule} */ (linked[index]);
        const path = join(dir, module.name);
        writeFileSync(path, `${module.text}\n`);
        modules.set(snippet, { path, preludeLines: module.preludeLines });
      });
    }),
  );

  const started = Date.now();
  const { options, errors } = ts.convertCompilerOptionsFromJson(
    {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      customConditions: ['source'],
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      types: ['node'],
      strict: true,
      isolatedModules: true,
      skipLibCheck: true,
      allowJs: true,
      checkJs: false,
      noEmit: true,
    },
    ROOT,
  );
  assert.deepEqual(errors, []);
  const program = ts.createProgram({ rootNames: [...modules.values()].map((m) => m.path), options });
  diagnostics = new Map(
    [...modules.values()].map(({ path }) => {
      const source = program.getSourceFile(path);
      return [path, source ? ts.getPreEmitDiagnostics(program, source) : []];
    }),
  );
  console.log(`docs examples: type-checked ${modules.size} snippets in ${Date.now() - started} ms`);
});

after(async () => {
  process.chdir(startDir);
  await Promise.all([...servers.values()].map((server) => server.stop()));
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  console.log(
    `docs examples: ${counts.run} run, ${counts.browser} type-checked only (browser), ` +
      `${counts['no-run']} no-run, ${counts.html} html checked`,
  );
});

/**
 * The compiler's complaints about one snippet, with the page's line numbers.
 * @param {import('./lib/doc-snippets.mjs').Snippet} snippet
 * @returns {string[]}
 */
function problemsOf(snippet) {
  const module = /** @type {{ path: string, preludeLines: number }} */ (modules.get(snippet));
  return (diagnostics.get(module.path) ?? []).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return `TS${d.code}: ${message}`;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    const inSnippet = line - module.preludeLines;
    const where =
      inSnippet >= 0
        ? `${snippet.file}:${snippet.line + 1 + inSnippet}`
        : `${snippet.file}:${snippet.line} (harness)`;
    return `${where}: TS${d.code}: ${message}`;
  });
}

/**
 * Runs a snippet's module with the page's folder as working directory and its console collected.
 * @param {import('./lib/doc-snippets.mjs').Snippet} snippet
 * @returns {Promise<string[]>} what it printed
 */
async function runSnippet(snippet) {
  const module = /** @type {{ path: string }} */ (modules.get(snippet));
  /** @type {string[]} */
  const printed = [];
  const methods = /** @type {const} */ (['log', 'info', 'warn', 'error', 'debug']);
  const saved = methods.map((name) => console[name]);
  for (const name of methods) console[name] = (...args) => printed.push(format(...args));
  process.chdir(dirname(module.path));
  try {
    await import(pathToFileURL(module.path).href);
  } finally {
    methods.forEach((name, i) => {
      console[name] = /** @type {(typeof saved)[number]} */ (saved[i]);
    });
    process.chdir(startDir);
  }
  return printed;
}

/** @type {Map<string, { observedAttributes?: string[] }>} */
const registered = new Map();

/** @param {string} tag */
async function elementClass(tag) {
  if (!registered.has(tag)) {
    await import(pathToFileURL(join(ROOT, /** @type {string} */ (TAGS.get(tag)))).href);
    const ctor = /** @type {{ observedAttributes?: string[] } | undefined} */ (customElements.get(tag));
    assert.ok(ctor, `${TAGS.get(tag)} registers <${tag}>`);
    registered.set(tag, ctor);
  }
  return /** @type {{ observedAttributes?: string[] }} */ (registered.get(tag));
}

/** @param {import('./lib/doc-snippets.mjs').Snippet} snippet */
async function checkHtml(snippet) {
  const nodes = parseHtmlSnippet(snippet.code);
  for (const node of nodes) {
    const where = `${snippet.file}:${snippet.line + node.line}`;
    if (node.tag === 'script' && /\/cdn\//.test(node.attributes.get('src') ?? '')) {
      const entry = /\/cdn\/([^/?#]+)\.js(?:[?#].*)?$/.exec(node.attributes.get('src') ?? '')?.[1];
      assert.ok(entry && CDN_ENTRIES.has(entry), `${where}: ${node.attributes.get('src')} is no CDN entry`);
      assert.equal(node.attributes.get('type'), 'module', `${where}: the CDN scripts are modules`);
    }
    if (!node.tag.includes('-')) continue;
    assert.ok(TAGS.has(node.tag), `${where}: <${node.tag}> is not defined by @nassij/elements`);
    const observed = new Set((await elementClass(node.tag)).observedAttributes ?? []);
    for (const attribute of node.attributes.keys()) {
      const known =
        observed.has(attribute) ||
        GLOBAL_ATTRIBUTES.has(attribute) ||
        /^(aria|data)-/.test(attribute) ||
        /^on[a-z]+$/.test(attribute);
      assert.ok(
        known,
        `${where}: <${node.tag}> has no attribute ${attribute} (it has ${[...observed].join(', ')})`,
      );
    }
  }
}

test('the pages hold examples, and the elements package defines tags and events', () => {
  const all = [...snippetsByPage.values()].flat();
  assert.ok(all.filter((s) => s.mode === 'run').length >= 10, 'at least ten running examples');
  assert.ok(TAGS.size >= 5 && EVENTS.size >= 5 && CDN_ENTRIES.has('nassij'));
});

for (const [page, snippets] of snippetsByPage) {
  if (snippets.length === 0) continue;
  describe(page, () => {
    for (const snippet of snippets) {
      const label = `line ${snippet.line}: ${snippet.lang}${snippet.mode === 'run' || snippet.mode === 'html' ? '' : ` ${snippet.mode}`}`;
      test(label, async (t) => {
        if (snippet.mode === 'html') {
          await checkHtml(snippet);
          counts.html++;
          return;
        }
        checkEventNames(snippet.code);
        assert.deepEqual(problemsOf(snippet), [], 'the snippet compiles');
        if (snippet.mode !== 'run') {
          if (snippet.reason) t.diagnostic(`not run: ${snippet.reason}`);
          counts[snippet.mode]++;
          return;
        }
        const started = Date.now();
        const printed = await runSnippet(snippet);
        t.diagnostic(`ran in ${Date.now() - started} ms, printed ${printed.length} lines`);
        // NASSIJ_DOCS_VERBOSE=1 shows what each example printed, to compare with what its comments claim.
        if (process.env.NASSIJ_DOCS_VERBOSE) for (const line of printed) t.diagnostic(`  ${line}`);
        counts.run++;
      });
    }
  });
}

// A snippet's module must stay inside the repository so that it resolves the workspace packages.
assert.ok(!relative(ROOT, work).startsWith('..'));

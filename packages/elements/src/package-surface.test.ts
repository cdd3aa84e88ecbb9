// The published surface of @nassij/elements: for every component a side-effect-free class module and a
// registering module in package.json `exports`, `sideEffects` naming only what registers, and the index
// exporting every class. Run: node --conditions=source --import tsx --test packages/elements/src/package-surface.test.ts
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(PACKAGE, 'src');

/** The components the package publishes (folder = tag without `nassij-`). */
const COMPONENTS = [
  'application-form',
  'association-directory',
  'association-space',
  'call-editor',
  'call-list',
  'call-manager',
  'consultation',
  'consultation-editor',
  'consultation-list',
  'indicators',
  'moderation-queue',
  'provider',
  'review-panel',
  'session-manager',
  'subscribe',
  'synthesis-editor',
  'training-finder',
];

type Conditions = { source?: string; types?: string; default?: string };
const pkg = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as {
  exports: Record<string, Conditions | string>;
  sideEffects: string[];
  files: string[];
  customElements: string;
};

const className = (name: string) =>
  `Nassij${name.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase())}`;
const classModule = (name: string) => `./src/${name}/nassij-${name}.ts`;
const defineModule = (name: string) => `./src/${name}/define.ts`;
/** Where tsc puts the JavaScript and the declarations of a source file. */
const built = (source: string) => ({
  default: source.replace('./src/', './dist/').replace(/\.ts$/, '.js'),
  types: source.replace('./src/', './dist/').replace(/\.ts$/, '.d.ts'),
});

/** Tags passed to `customElements.define`, recorded by a stand-in registry (Node has none). */
const defined: string[] = [];
(globalThis as { customElements?: unknown }).customElements = {
  get: () => undefined,
  define: (tag: string) => defined.push(tag),
};
const load = (path: string) =>
  import(pathToFileURL(join(PACKAGE, path)).href) as Promise<Record<string, unknown>>;

describe('package surface', () => {
  it('lists every component folder (a folder with nassij-<name>.ts and define.ts) and no other', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(SRC, entry.name, `nassij-${entry.name}.ts`)))
      .map((entry) => entry.name)
      .sort();
    assert.deepEqual(folders, COMPONENTS);
    for (const name of COMPONENTS)
      assert.ok(existsSync(join(PACKAGE, defineModule(name))), defineModule(name));
  });

  for (const name of COMPONENTS) {
    it(`exports ${name}: ./${name}.js registers, ./${name}/class.js is the class alone`, () => {
      for (const [entry, source] of [
        [`./${name}.js`, defineModule(name)],
        [`./${name}/class.js`, classModule(name)],
      ] as const) {
        const conditions = pkg.exports[entry];
        assert.ok(conditions && typeof conditions === 'object', `exports["${entry}"]`);
        assert.deepEqual(
          Object.keys(conditions),
          ['source', 'types', 'default'],
          `${entry}: condition order`,
        );
        assert.deepEqual(conditions, { source, ...built(source) }, entry);
        assert.ok(existsSync(join(PACKAGE, source)), source);
      }
    });
  }

  it('names only the registering modules and the CDN files in sideEffects', () => {
    const expected = [
      ...COMPONENTS.flatMap((name) => [defineModule(name), built(defineModule(name)).default]),
      './src/cdn/*.ts',
      './dist/cdn/**',
    ];
    assert.deepEqual([...pkg.sideEffects].sort(), expected.sort());
  });

  it('ships the Custom Elements Manifest', () => {
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(pkg.files.includes('custom-elements.json'));
    assert.equal(pkg.exports['./custom-elements.json'], './custom-elements.json');
  });
});

describe('modules', () => {
  let index: Record<string, unknown>;
  const classes: Record<string, Record<string, unknown>> = {};

  before(async () => {
    index = await load('./src/index.ts');
    for (const name of COMPONENTS) classes[name] = await load(classModule(name));
  });

  it('class modules and the index register nothing', () => {
    assert.deepEqual(defined, []);
  });

  it('the index exports every component class', () => {
    for (const name of COMPONENTS) {
      const cls = classes[name]?.[className(name)];
      assert.equal(typeof cls, 'function', `${classModule(name)} exports ${className(name)}`);
      assert.equal(index[className(name)], cls, `index exports ${className(name)}`);
    }
  });

  it('each registering module defines its own tag and nothing else, and re-exports its class', async () => {
    for (const name of COMPONENTS) {
      const before = defined.length;
      const module = await load(defineModule(name));
      assert.deepEqual(defined.slice(before), [`nassij-${name}`], defineModule(name));
      assert.equal(module[className(name)], classes[name]?.[className(name)]);
    }
  });
});

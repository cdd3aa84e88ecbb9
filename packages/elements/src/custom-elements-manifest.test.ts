// The Custom Elements Manifest describes the public surface only. The analyzer runs here into a temporary
// folder (about 4 s), so the test checks the sources as they are, not a stale build.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = join(PACKAGE, '..', '..');

const TAGS = [
  'nassij-application-form',
  'nassij-association-directory',
  'nassij-association-space',
  'nassij-call-editor',
  'nassij-call-list',
  'nassij-call-manager',
  'nassij-consultation',
  'nassij-consultation-editor',
  'nassij-consultation-list',
  'nassij-indicators',
  'nassij-moderation-queue',
  'nassij-provider',
  'nassij-review-panel',
  'nassij-session-manager',
  'nassij-subscribe',
  'nassij-synthesis-editor',
  'nassij-training-finder',
];

interface Item {
  name: string;
  fieldName?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  type?: { text: string };
  inheritedFrom?: { name: string };
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: Item[];
  attributes?: Item[];
  events?: Item[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}
type LitClass = { observedAttributes: string[]; elementProperties: Map<string, { state?: boolean }> };

const elements = (manifest: Manifest) =>
  manifest.modules.flatMap((module) =>
    (module.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
      .map((declaration) => ({ module: module.path, declaration })),
  );

describe('custom-elements.json', () => {
  let dir: string;
  let manifest: Manifest;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nassij-cem-'));
    // The analyzer joins --outdir to the working directory, so it takes a relative path.
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
        'analyze',
        '--config',
        'custom-elements-manifest.config.mjs',
        '--outdir',
        relative(ROOT, dir),
        '--quiet',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8')) as Manifest;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('describes every tag', () => {
    assert.deepEqual(
      elements(manifest)
        .map(({ declaration }) => declaration.tagName)
        .sort(),
      TAGS,
    );
  });

  it('lists no private, protected, static or internal-state member or attribute', async () => {
    // The state fields come from Lit itself, not from the analyzer's reading of the source.
    globalThis.customElements ??= {
      get: () => undefined,
      define: () => {},
    } as unknown as CustomElementRegistry;
    for (const { module, declaration } of elements(manifest)) {
      const exported = (await import(pathToFileURL(join(PACKAGE, module)).href)) as Record<string, unknown>;
      const cls = exported[declaration.name] as LitClass;
      void cls.observedAttributes; // finalizes the class, filling elementProperties
      const state = (name: string) => cls.elementProperties.get(name)?.state === true;
      for (const member of declaration.members ?? []) {
        const where = `${declaration.tagName}.${member.name}`;
        assert.ok(!member.static, `${where} is static`);
        assert.ok(!member.name.startsWith('#'), `${where} is private`);
        assert.ok(
          member.privacy !== 'private' && member.privacy !== 'protected',
          `${where} is ${member.privacy}`,
        );
        assert.ok(!state(member.name), `${where} is internal state`);
      }
      for (const attribute of declaration.attributes ?? []) {
        assert.ok(!state(attribute.fieldName ?? attribute.name), `${declaration.tagName}[${attribute.name}]`);
        assert.equal(
          attribute.name,
          attribute.name.toLowerCase(),
          `${declaration.tagName}[${attribute.name}]`,
        );
      }
    }
  });

  it('lists public nassij-* events with typed details, and none of the internal ones', () => {
    for (const { declaration } of elements(manifest)) {
      for (const event of declaration.events ?? []) {
        const where = `${declaration.tagName} fires ${event.name}`;
        assert.match(event.name, /^nassij-[a-z]+(-[a-z]+)*$/, where);
        assert.ok(!['name', 'CONTEXT_REQUEST', 'nassij-context-request'].includes(event.name), where);
        assert.match(event.type?.text ?? '', /^CustomEvent<Nassij\w+Detail>$/, `${where}: detail type`);
      }
    }
    const callList = elements(manifest).find(({ declaration }) => declaration.tagName === 'nassij-call-list');
    assert.deepEqual(
      callList?.declaration.events?.map((event) => event.name),
      ['nassij-call-search', 'nassij-call-select', 'nassij-apply', 'nassij-error'],
    );
  });
});

// @ts-check
// The API reference as `npm run docs` builds it (typedoc.json, with scripts/lib/typedoc-plugin.mjs), read
// from TypeDoc's JSON output: one module per package, named after it, and the contract's resource types as
// interfaces listing their properties, with the TSDoc of their schema and links to the schema types they
// hold, rather than `infer<typeof Call>`. Converting takes about 20 s; no HTML is written.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Application, ReflectionKind, TSConfigReader, TypeDocReader } from 'typedoc';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The parts of TypeDoc's JSON these tests read.
 *
 * @typedef {{ type: string, name?: string, target?: unknown, value?: unknown, types?: JsonType[],
 *   elementType?: JsonType, package?: string }} JsonType
 * @typedef {{ name: string, kind: number, comment?: { summary: { text: string }[] }, type?: JsonType,
 *   children?: JsonReflection[], flags?: { isOptional?: boolean } }} JsonReflection
 */

const work = mkdtempSync(join(tmpdir(), 'nassij-typedoc-'));
/** @type {JsonReflection} */
let project;
/** @type {{ errors: number, warnings: number }} */
let logged;

before(async () => {
  // The readers of the CLI minus the command line, which is the test runner's here.
  const app = await Application.bootstrapWithPlugins(
    { options: join(ROOT, 'typedoc.json'), logLevel: 'Warn' },
    [new TypeDocReader(), new TSConfigReader()],
  );
  const converted = await app.convert();
  assert.ok(converted, 'TypeDoc converted the packages');
  app.validate(converted);
  logged = { errors: app.logger.errorCount, warnings: app.logger.warningCount };
  const out = join(work, 'api.json');
  await app.generateJson(converted, out);
  project = JSON.parse(readFileSync(out, 'utf8'));
});

after(() => rmSync(work, { recursive: true, force: true }));

/** @param {string} name */
function contractType(name) {
  const contract = project.children?.find((module) => module.name === '@nassij/contract');
  assert.ok(contract, 'the contract module');
  // The schema const of the same name is a variable; the type is the other one.
  const found = contract.children?.find(
    (child) => child.name === name && child.kind !== ReflectionKind.Variable,
  );
  assert.ok(found, `${name} is documented`);
  return found;
}

/** @param {JsonReflection} reflection */
const summary = (reflection) => (reflection.comment?.summary ?? []).map((part) => part.text).join('');

test('typedoc.json builds without an error or a warning (it treats warnings as errors)', () => {
  assert.deepEqual(logged, { errors: 0, warnings: 0 });
});

test('one module per package, named after the package', () => {
  assert.equal(project.kind, ReflectionKind.Project);
  assert.deepEqual(project.children?.map((module) => [module.name, module.kind]).sort(), [
    ['@nassij/contract', ReflectionKind.Module],
    ['@nassij/elements', ReflectionKind.Module],
    ['@nassij/sdk', ReflectionKind.Module],
  ]);
});

test('resource types are interfaces with their properties and the TSDoc of their schema', () => {
  /** @type {Record<string, string[]>} */
  const expected = {
    Call: ['id', 'reference', 'title', 'status', 'dates', 'budget', 'criteria'],
    CallSummary: ['id', 'reference', 'title'],
    Application: ['id', 'callId', 'associationId', 'status', 'answers'],
    Association: ['id'],
    Award: ['id'],
    Consultation: ['id', 'title'],
    Contribution: ['id', 'consultationId', 'kind', 'body'],
    Course: ['id', 'reference', 'title', 'modality'],
    Session: ['id'],
    Registration: ['id'],
    Money: ['amount', 'currency'],
    LocalizedText: ['ar', 'fr'],
    Problem: ['type', 'title', 'status'],
  };
  for (const [name, properties] of Object.entries(expected)) {
    const type = contractType(name);
    assert.equal(type.kind, ReflectionKind.Interface, `${name} is an interface`);
    assert.equal(type.type, undefined, `${name} is not an alias of infer<typeof ${name}>`);
    assert.ok(summary(type).length > 20, `${name} has the TSDoc of its schema`);
    const names = type.children?.map((child) => child.name) ?? [];
    for (const property of properties) assert.ok(names.includes(property), `${name}.${property}`);
    for (const child of type.children ?? []) {
      assert.equal(child.kind, ReflectionKind.Property, `${name}.${child.name} is a property`);
      assert.ok(child.type, `${name}.${child.name} has a type`);
    }
  }
  assert.match(summary(contractType('Call')), /call for public support/i);
});

test('a property holding a schema type links to it', () => {
  /** @param {string} owner @param {string} property */
  const typeOf = (owner, property) =>
    contractType(owner).children?.find((child) => child.name === property)?.type;
  /** @param {JsonType | undefined} type @param {string} name */
  const isLink = (type, name) =>
    type?.type === 'reference' && type.name === name && typeof type.target === 'number';
  assert.ok(isLink(typeOf('Call', 'dates'), 'CallDates'), 'Call.dates: CallDates');
  assert.ok(isLink(typeOf('Call', 'title'), 'LocalizedText'), 'Call.title: LocalizedText');
  assert.ok(isLink(typeOf('Call', 'status'), 'CallStatus'), 'Call.status: CallStatus');
  const amendments = typeOf('Call', 'amendments');
  assert.ok(amendments?.type === 'array' && isLink(amendments.elementType, 'Amendment'), 'Amendment[]');
  assert.ok(isLink(typeOf('Application', 'requestedAmount'), 'Money'), 'optional Money');
});

test('other schema types are aliases of their resolved type, not of infer<typeof …>', () => {
  const status = contractType('CallStatus');
  assert.equal(status.kind, ReflectionKind.TypeAlias);
  assert.equal(status.type?.type, 'union');
  assert.ok(status.type?.types?.some((member) => member.type === 'literal' && member.value === 'open'));
  /** @type {string[]} */
  const unresolved = [];
  /** @param {JsonReflection} reflection @param {string} path */
  const visit = (reflection, path) => {
    const { type } = reflection;
    if (
      reflection.kind === ReflectionKind.TypeAlias &&
      type?.type === 'reference' &&
      type.package === 'zod'
    ) {
      unresolved.push(`${path}.${reflection.name}: ${type.name}`);
    }
    for (const child of reflection.children ?? []) visit(child, `${path}.${reflection.name}`);
  };
  visit(project, '');
  assert.deepEqual(unresolved, []);
});

// @ts-check
// The Storybook toolbar sets the reader's language and theme on each story's wrapper (.storybook/preview.ts)
// and the elements follow their ancestors, so a story that writes `lang=` or `theme=` on an element silently
// turns the toolbar off for it. Every component has stories, a dark one among them, with data from the
// shared demo modules rather than copies inside the stories.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const STORIES = join(ROOT, 'stories');
const ELEMENTS = join(ROOT, 'packages', 'elements', 'src');

const stories = readdirSync(STORIES)
  .filter((name) => name.endsWith('.stories.ts'))
  .sort()
  .map((name) => ({ name, source: readFileSync(join(STORIES, name), 'utf8') }));

/** Component folders: those with a `define.ts`, except the shared base and the provider (it draws nothing). */
const components = readdirSync(ELEMENTS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(ELEMENTS, entry.name, 'define.ts')))
  .map((entry) => entry.name)
  .filter((name) => name !== 'base' && name !== 'provider')
  .sort();

test('there are stories and components to check', () => {
  assert.ok(stories.length >= 9, `${stories.length} stories files`);
  assert.ok(components.length >= 9, `${components.length} components`);
});

test('every component has a stories file that defines it', () => {
  const missing = components.filter(
    (component) => !stories.some(({ source }) => source.includes(`/elements/src/${component}/define.js'`)),
  );
  assert.deepEqual(missing, [], 'components without stories');
});

test('no story sets lang or theme on an element: the toolbar decides', () => {
  /** @type {string[]} */
  const found = [];
  for (const { name, source } of stories) {
    source.split('\n').forEach((line, index) => {
      // An attribute in a lit template (`lang=${…}`, `theme="dark"`) or an arg feeding one (`args.lang`).
      if (/\s(?:lang|theme)=|\bargs\.(?:lang|theme)\b/.test(line))
        found.push(`${name}:${index + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(found, []);
});

test('every stories file has a dark-theme story (story-level globals)', () => {
  const missing = stories
    .filter(({ source }) => !/\bglobals:\s*\{[^}]*\btheme:\s*'dark'/.test(source))
    .map(({ name }) => name);
  assert.deepEqual(missing, [], "stories files without `globals: { theme: 'dark' }`");
});

test('stories take their data from the shared demo modules', () => {
  const missing = stories
    .filter(({ source }) => !source.includes('/elements/src/test-support/demo/'))
    .map(({ name }) => name);
  assert.deepEqual(missing, [], 'stories files that import no demo module');
});

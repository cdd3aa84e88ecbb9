// @ts-check
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bindingsOf, extractSnippets, linkSnippets, parseHtmlSnippet } from './doc-snippets.mjs';

describe('extractSnippets', () => {
  test('keeps ts, js and html blocks with their line and mode, and nothing else', () => {
    const page = [
      '# Title',
      '```sh',
      'npm test',
      '```',
      '```ts',
      'const a = 1;',
      '```',
      '````ts browser',
      'document.title;',
      '```',
      '````',
      '```js no-run the platform has no such page yet',
      'x();',
      '```',
      '```html',
      '<p></p>',
      '```',
      '```css',
      'a {}',
      '```',
    ].join('\n');
    const snippets = extractSnippets('page.md', page);
    assert.deepEqual(
      snippets.map(({ line, lang, mode, reason, code }) => ({ line, lang, mode, reason, code })),
      [
        { line: 5, lang: 'ts', mode: 'run', reason: '', code: 'const a = 1;' },
        { line: 8, lang: 'ts', mode: 'browser', reason: '', code: 'document.title;\n```' },
        { line: 12, lang: 'js', mode: 'no-run', reason: 'the platform has no such page yet', code: 'x();' },
        { line: 15, lang: 'html', mode: 'html', reason: '', code: '<p></p>' },
      ],
    );
  });

  test('refuses an unknown info word and a no-run without a reason', () => {
    assert.throws(() => extractSnippets('p.md', '```ts skip\nx\n```'), /p\.md:1: unknown info "skip"/);
    assert.throws(
      () => extractSnippets('p.md', '\n```ts no-run\nx\n```'),
      /p\.md:2: `ts no-run` needs a reason/,
    );
    assert.throws(() => extractSnippets('p.md', '```html browser\n<p></p>\n```'), /unknown info/);
  });
});

describe('bindingsOf', () => {
  test('top-level declarations, imports (types marked) and every identifier used', () => {
    const { declared, used, exported } = bindingsOf(
      [
        "import type { A } from 'a';",
        "import { b, type C } from 'b';",
        'const { d, e: [f] } = g;',
        'function h() { const inner = 1; return inner; }',
        'type I = A;',
        'export const j = 1;',
      ].join('\n'),
    );
    assert.deepEqual(Object.fromEntries(declared), {
      A: true,
      b: false,
      C: true,
      d: false,
      f: false,
      h: false,
      I: true,
    });
    assert.deepEqual([...exported], ['j']);
    assert.ok(used.has('g') && used.has('inner'));
  });
});

describe('linkSnippets', () => {
  test('a snippet imports what earlier ones declared, from the latest one, and exports its own names', () => {
    const modules = linkSnippets([
      {
        lang: 'ts',
        mode: 'run',
        code: "import { createClient } from 'sdk';\nconst client = createClient();",
      },
      { lang: 'ts', mode: 'run', code: 'type Id = string;\nconst call = 1;' },
      { lang: 'ts', mode: 'browser', code: 'const call = client;\nconst id: Id = "x";' },
      { lang: 'ts', mode: 'run', code: 'console.log(call, client);' },
    ]);
    assert.deepEqual(
      modules.map((m) => m.text),
      [
        "import { createClient } from 'sdk';\nconst client = createClient();\nexport { createClient, client };",
        'type Id = string;\nconst call = 1;\nexport { call };\nexport type { Id };',
        "import { client } from './01.js';\nimport { type Id } from './02.js';\nconst call = client;\nconst id: Id = \"x\";\nexport { call, id };",
        // A running snippet never takes a name from one that does not run.
        "import { client } from './01.js';\nimport { call } from './02.js';\nconsole.log(call, client);\nexport {};",
      ],
    );
    assert.deepEqual(
      modules.map((m) => m.preludeLines),
      [0, 0, 2, 2],
    );
  });
});

describe('parseHtmlSnippet', () => {
  test('reads elements and attributes', () => {
    const nodes = parseHtmlSnippet(
      '<!-- embed -->\n<script type="module" src="/cdn/nassij.js"></script>\n<nassij-call-list api-base=\'/\' status=open sync-url></nassij-call-list><br>',
    );
    assert.deepEqual(
      nodes.map((n) => [n.tag, Object.fromEntries(n.attributes), n.line]),
      [
        ['script', { type: 'module', src: '/cdn/nassij.js' }, 2],
        ['nassij-call-list', { 'api-base': '/', status: 'open', 'sync-url': '' }, 3],
        ['br', {}, 3],
      ],
    );
  });

  test('refuses unclosed, crossed and self-closed elements, repeated attributes and broken tags', () => {
    assert.throws(() => parseHtmlSnippet('<nassij-call-list>'), /line 1: <nassij-call-list> is never closed/);
    assert.throws(() => parseHtmlSnippet('<p><b></p></b>'), /<\/p> closes <b>/);
    assert.throws(() => parseHtmlSnippet('<nassij-call-list />'), /closes itself/);
    assert.throws(() => parseHtmlSnippet('<p a="1" a="2"></p>'), /repeats the attribute a/);
    assert.throws(() => parseHtmlSnippet('<p a="1></p>'), /not closed by ">"/);
    assert.throws(() => parseHtmlSnippet('\n</p>'), /line 2: <\/p> closes nothing/);
  });
});

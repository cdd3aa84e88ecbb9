// @ts-check
// Pure helpers of scripts/docs-examples.test.mjs: find the fenced examples of a Markdown page, tell what the
// harness does with each, and turn TypeScript snippets into modules that share one page's bindings.
import ts from 'typescript';

/**
 * What the harness does with a snippet:
 * - `run`: type-checked, then run in Node (against a demo server when it names `https://platform.example`);
 * - `browser` (info string ```` ```ts browser ````): needs a page, so only type-checked, with the DOM types;
 * - `no-run` (```` ```ts no-run <reason> ````): type-checked, not run; the reason is required and shown.
 * `html` snippets are parsed and their elements and attributes checked instead.
 * @typedef {'run' | 'browser' | 'no-run' | 'html'} SnippetMode
 */

/**
 * @typedef {object} Snippet
 * @property {string} file   the page, relative to the repository root
 * @property {number} line   the line of the opening fence (1-based)
 * @property {'ts' | 'js' | 'html'} lang
 * @property {SnippetMode} mode
 * @property {string} reason the reason given after `no-run`, else ''
 * @property {string} code
 */

const LANGS = /** @type {const} */ ({
  ts: 'ts',
  typescript: 'ts',
  js: 'js',
  javascript: 'js',
  mjs: 'js',
  html: 'html',
});

/**
 * The ts, js and html fenced blocks of a Markdown page. Any other language (sh, css, none) is prose for
 * this harness. An unknown word after the language is an error, so that a typo cannot skip a snippet.
 *
 * @example
 * extractSnippets('docs/a.md', '```ts browser\nfoo();\n```\n'); // [{ lang: 'ts', mode: 'browser', line: 1, … }]
 * @param {string} file
 * @param {string} markdown
 * @returns {Snippet[]}
 */
export function extractSnippets(file, markdown) {
  /** @type {Snippet[]} */
  const snippets = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*(\S*)\s*(.*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = /** @type {string} */ (open[1]);
    const start = i;
    const body = [];
    for (i++; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close?.[1] && close[1][0] === fence[0] && close[1].length >= fence.length) break;
      body.push(line);
    }
    const word = (open[2] ?? '').toLowerCase();
    const lang = LANGS[/** @type {keyof typeof LANGS} */ (word)];
    if (!lang) continue;
    const rest = (open[3] ?? '').trim();
    /** @type {SnippetMode} */
    let mode = lang === 'html' ? 'html' : 'run';
    let reason = '';
    if (rest !== '') {
      const [flag = '', ...words] = rest.split(/\s+/);
      if (lang !== 'html' && flag === 'browser' && words.length === 0) mode = 'browser';
      else if (lang !== 'html' && flag === 'no-run') {
        mode = 'no-run';
        reason = words.join(' ');
        if (reason === '')
          throw new Error(`${file}:${start + 1}: \`${word} no-run\` needs a reason after it`);
      } else {
        throw new Error(
          `${file}:${start + 1}: unknown info "${rest}" after \`${word}\` (known: browser, no-run <reason>)`,
        );
      }
    }
    snippets.push({ file, line: start + 1, lang, mode, reason, code: body.join('\n') });
  }
  return snippets;
}

/**
 * @typedef {object} Bindings
 * @property {Map<string, boolean>} declared top-level names the snippet declares or imports (true: a type only)
 * @property {Set<string>} used every identifier written in the snippet
 * @property {Set<string>} exported names the snippet already exports itself
 */

/**
 * The top-level bindings of a snippet and the identifiers it uses.
 *
 * @example
 * bindingsOf('import type { A } from "x";\nconst b: A = 1;').declared; // Map { 'A' => true, 'b' => false }
 * @param {string} code
 * @param {'ts' | 'js'} [lang]
 * @returns {Bindings}
 */
export function bindingsOf(code, lang = 'ts') {
  const source = ts.createSourceFile(
    `snippet.${lang}`,
    code,
    ts.ScriptTarget.ES2022,
    true,
    lang === 'js' ? ts.ScriptKind.JS : ts.ScriptKind.TS,
  );
  /** @type {Map<string, boolean>} */
  const declared = new Map();
  /** @type {Set<string>} */
  const exported = new Set();
  /** @param {ts.BindingName} name @param {boolean} isExported */
  const addBinding = (name, isExported) => {
    if (ts.isIdentifier(name)) {
      if (isExported) exported.add(name.text);
      else declared.set(name.text, false);
      return;
    }
    for (const element of name.elements)
      if (!ts.isOmittedExpression(element)) addBinding(element.name, isExported);
  };
  for (const statement of source.statements) {
    const isExported =
      ts.canHaveModifiers(statement) &&
      (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        addBinding(declaration.name, isExported);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      if (isExported) exported.add(statement.name.text);
      else declared.set(statement.name.text, false);
    } else if (ts.isTypeAliasDeclaration(statement) || ts.isInterfaceDeclaration(statement)) {
      if (isExported) exported.add(statement.name.text);
      else declared.set(statement.name.text, true);
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) declared.set(clause.name.text, clause.isTypeOnly);
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) declared.set(named.name.text, clause.isTypeOnly);
      else if (named)
        for (const e of named.elements) declared.set(e.name.text, clause.isTypeOnly || e.isTypeOnly);
    }
  }
  /** @type {Set<string>} */
  const used = new Set();
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isIdentifier(node)) used.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { declared, used, exported };
}

/**
 * @typedef {object} SnippetModule
 * @property {string} name        file name of the module, e.g. `03.ts`
 * @property {string} text        prelude + snippet + epilogue
 * @property {number} preludeLines lines added before the snippet
 * @property {Map<string, boolean>} provides names later snippets of the page may take from it (true: type)
 */

/**
 * Turns the TypeScript/JavaScript snippets of one page into modules that read like one program: each
 * module imports, from the latest earlier snippet that declared it, every name it uses without declaring,
 * and exports its own top-level names. A snippet that runs takes names only from snippets that run.
 *
 * @example
 * const [a, b] = linkSnippets([{ code: 'const x = 1;', mode: 'run', lang: 'ts' }, { code: 'x;', mode: 'run', lang: 'ts' }]);
 * b.text; // "import { x } from './01.js';\nx;\nexport {};"
 * @param {readonly Pick<Snippet, 'code' | 'mode' | 'lang'>[]} snippets
 * @returns {SnippetModule[]}
 */
export function linkSnippets(snippets) {
  /** @type {SnippetModule[]} */
  const modules = [];
  /** @type {{ name: string, runs: boolean, provides: Map<string, boolean> }[]} */
  const earlier = [];
  snippets.forEach((snippet, index) => {
    const name = `${String(index + 1).padStart(2, '0')}.${snippet.lang}`;
    const lang = snippet.lang === 'js' ? 'js' : 'ts';
    const { declared, used, exported } = bindingsOf(snippet.code, lang);
    const runs = snippet.mode === 'run';
    /** @type {Map<string, { names: string[], types: string[] }>} */
    const imports = new Map();
    for (const identifier of used) {
      if (declared.has(identifier) || exported.has(identifier)) continue;
      for (let i = earlier.length - 1; i >= 0; i--) {
        const from = /** @type {(typeof earlier)[number]} */ (earlier[i]);
        if (runs && !from.runs) continue;
        const isType = from.provides.get(identifier);
        if (isType === undefined || (isType && lang === 'js')) continue;
        const entry = imports.get(from.name) ?? { names: [], types: [] };
        (isType ? entry.types : entry.names).push(identifier);
        imports.set(from.name, entry);
        break;
      }
    }
    const prelude = [...imports]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([file, { names, types }]) => {
        const specifiers = [...names.sort(), ...types.sort().map((type) => `type ${type}`)];
        return `import { ${specifiers.join(', ')} } from './${file.replace(/\.ts$/, '.js')}';`;
      });
    const values = [...declared].filter(([, isType]) => !isType).map(([n]) => n);
    const types = [...declared].filter(([, isType]) => isType).map(([n]) => n);
    const epilogue = [values.length > 0 ? `export { ${values.join(', ')} };` : 'export {};'];
    if (types.length > 0) epilogue.push(`export type { ${types.join(', ')} };`);
    const text = [...prelude, snippet.code, ...epilogue].join('\n');
    modules.push({ name, text, preludeLines: prelude.length, provides: declared });
    earlier.push({ name, runs, provides: declared });
  });
  return modules;
}

/**
 * @typedef {object} HtmlNode
 * @property {string} tag
 * @property {Map<string, string>} attributes
 * @property {number} line 1-based line in the snippet
 */

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/**
 * A strict little HTML reader for embed snippets: every element opened is closed in order (void elements
 * excepted), attributes are well formed and not repeated, `<script>` and `<style>` hold raw text.
 * Returns the elements found, or throws with the line of the first problem.
 *
 * @example
 * parseHtmlSnippet('<nassij-call-list status="open"></nassij-call-list>')[0]?.tag; // 'nassij-call-list'
 * @param {string} html
 * @returns {HtmlNode[]}
 */
export function parseHtmlSnippet(html) {
  /** @type {HtmlNode[]} */
  const nodes = [];
  /** @type {HtmlNode[]} */
  const open = [];
  let i = 0;
  const lineAt = (/** @type {number} */ at) => html.slice(0, at).split('\n').length;
  const fail = (/** @type {string} */ message, /** @type {number} */ at) => {
    throw new Error(`line ${lineAt(at)}: ${message}`);
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end === -1) fail('unclosed comment', lt);
      i = end + 3;
      continue;
    }
    if (/^<!doctype\s/i.test(html.slice(lt, lt + 10))) {
      i = html.indexOf('>', lt) + 1;
      continue;
    }
    const closing = /^<\/([a-z][a-z0-9-]*)\s*>/i.exec(html.slice(lt));
    if (closing) {
      const tag = /** @type {string} */ (closing[1]).toLowerCase();
      const top = open.pop();
      if (!top) fail(`</${tag}> closes nothing`, lt);
      else if (top.tag !== tag) fail(`</${tag}> closes <${top.tag}>`, lt);
      i = lt + closing[0].length;
      continue;
    }
    const start = /^<([a-z][a-z0-9-]*)/i.exec(html.slice(lt));
    if (!start) fail('a "<" that starts no tag (write &lt;)', lt);
    const tag = /** @type {string} */ (/** @type {RegExpExecArray} */ (start)[1]).toLowerCase();
    let at = lt + /** @type {RegExpExecArray} */ (start)[0].length;
    /** @type {Map<string, string>} */
    const attributes = new Map();
    for (;;) {
      const attribute = /^\s+([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/.exec(
        html.slice(at),
      );
      if (!attribute) break;
      const name = /** @type {string} */ (attribute[1]).toLowerCase();
      if (attributes.has(name)) fail(`<${tag}> repeats the attribute ${name}`, at);
      attributes.set(name, attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
      at += attribute[0].length;
    }
    const end = /^\s*(\/?)>/.exec(html.slice(at));
    if (!end) fail(`<${tag}> is not closed by ">" (a malformed attribute?)`, at);
    const node = { tag, attributes, line: lineAt(lt) };
    nodes.push(node);
    i = at + /** @type {RegExpExecArray} */ (end)[0].length;
    if (VOID_ELEMENTS.has(tag)) continue;
    if (/** @type {RegExpExecArray} */ (end)[1] === '/')
      fail(`<${tag}/> is not an HTML element that closes itself`, lt);
    if (tag === 'script' || tag === 'style') {
      const close = html.toLowerCase().indexOf(`</${tag}`, i);
      if (close === -1) fail(`<${tag}> is never closed`, lt);
      i = close;
    }
    open.push(node);
  }
  const unclosed = open.pop();
  if (unclosed) throw new Error(`line ${unclosed.line}: <${unclosed.tag}> is never closed`);
  return nodes;
}

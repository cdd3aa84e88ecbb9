// Custom Elements Manifest of @nassij/elements, read by Storybook autodocs, IDEs and the package's consumers.
// `npm run build` writes packages/elements/custom-elements.json (shipped in the package); by hand:
// `npx cem analyze --config custom-elements-manifest.config.mjs`. The JSDoc of each component class is the
// only source: @tagname, @fires {CustomEvent<Detail>}, @slot, @csspart, @cssprop; `@internal` hides a member.

/** Events the elements use among themselves, not part of the public API. */
const INTERNAL_EVENTS = new Set(['nassij-context-request', 'nassij-provider-connected']);

/** `ClassName` → names of its `static properties` entries declared `{ state: true }` (internal state). */
const stateFields = new Map();

/**
 * Keeps the manifest to the public surface: no `{ state: true }` fields (Lit's internal reactive state),
 * private (`#x`), protected or static members; only public `nassij-*` events (the analyzer also picks up the
 * base class's internal `dispatchEvent` calls, named after variables: `name`, `CONTEXT_REQUEST`). It also
 * lower-cases default attribute names as Lit does, and records `defineElement('tag', Class)` calls as
 * custom-element definitions.
 *
 * @returns {import('@custom-elements-manifest/analyzer').Plugin}
 */
function nassijPublicSurface() {
  return {
    name: 'nassij-public-surface',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isClassDeclaration(node) && node.name) {
        for (const member of node.members) {
          const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
          if (!isStatic || member.name?.getText() !== 'properties') continue;
          const literal = member.initializer;
          if (!literal || !ts.isObjectLiteralExpression(literal)) continue;
          const names = new Set();
          for (const entry of literal.properties) {
            if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) continue;
            const state = entry.initializer.properties.some(
              (option) =>
                ts.isPropertyAssignment(option) &&
                option.name.getText() === 'state' &&
                option.initializer.kind === ts.SyntaxKind.TrueKeyword,
            );
            if (state) names.add(entry.name.getText());
          }
          stateFields.set(node.name.getText(), names);
        }
      }
      // defineElement('nassij-call-list', NassijCallList, VERSION) in a `define.ts`
      if (
        ts.isCallExpression(node) &&
        node.expression.getText() === 'defineElement' &&
        node.arguments.length >= 2 &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        const tag = node.arguments[0].text;
        const className = node.arguments[1].getText();
        const imported = node
          .getSourceFile()
          .statements.filter(ts.isImportDeclaration)
          .find((statement) =>
            statement.importClause?.namedBindings?.elements?.some((e) => e.name.getText() === className),
          );
        const from = imported?.moduleSpecifier.text.replace(/^\.\//, '').replace(/\.js$/, '.ts');
        const dir = moduleDoc.path.replace(/[^/]+$/, '');
        moduleDoc.exports ??= [];
        moduleDoc.exports.push({
          kind: 'custom-element-definition',
          name: tag,
          declaration: { name: className, module: from ? `${dir}${from}` : moduleDoc.path },
        });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      relativeToPackage(customElementsManifest);
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          /** @param {{ name?: string, inheritedFrom?: { name: string } }} item */
          const isState = (item) =>
            stateFields.get(item.inheritedFrom?.name ?? declaration.name)?.has(item.name) ?? false;
          if (declaration.members) {
            declaration.members = declaration.members.filter(
              (member) =>
                !member.static &&
                !member.name.startsWith('#') &&
                member.privacy !== 'private' &&
                member.privacy !== 'protected' &&
                !isState(member),
            );
          }
          if (declaration.attributes) {
            declaration.attributes = declaration.attributes
              .filter((attribute) => !isState({ ...attribute, name: attribute.fieldName ?? attribute.name }))
              .map((attribute) =>
                attribute.name === attribute.fieldName
                  ? { ...attribute, name: attribute.name.toLowerCase() }
                  : attribute,
              );
            for (const member of declaration.members ?? []) {
              if (member.attribute && member.attribute === member.name)
                member.attribute = member.attribute.toLowerCase();
            }
          }
          if (declaration.events) {
            declaration.events = declaration.events.filter(
              (event) => event.name?.startsWith('nassij-') && !INTERNAL_EVENTS.has(event.name),
            );
          }
          for (const key of ['members', 'attributes', 'events']) {
            if (declaration[key]?.length === 0) delete declaration[key];
          }
        }
      }
    },
  };
}

/**
 * The analyzer runs from the repository root; the manifest ships inside the package, so its module paths
 * (`path`, `module`) are made relative to packages/elements.
 *
 * @param {unknown} node
 */
function relativeToPackage(node) {
  if (Array.isArray(node)) {
    for (const item of node) relativeToPackage(item);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string') {
        node[key] = value.replace(/^\/?packages\/elements\//, '');
      } else {
        relativeToPackage(value);
      }
    }
  }
}

export default {
  // The component classes (with their base class, for inheritance), the registering modules and the index;
  // catalogs, styles and demo data would only make the shipped file larger.
  globs: [
    'packages/elements/src/index.ts',
    'packages/elements/src/*/nassij-*.ts',
    'packages/elements/src/*/define.ts',
  ],
  exclude: ['packages/elements/src/**/*.test.ts'],
  outdir: 'packages/elements',
  litelement: true,
  // The analyzer would otherwise rewrite the root package.json's `customElements` on every run.
  packagejson: false,
  plugins: [nassijPublicSurface()],
};

// @ts-check
// The TypeDoc plugin of the API reference (typedoc.json loads it).
//
// - Modules are named after their package (`@nassij/contract`), not after their path relative to the other
//   entry points (`contract/src`). An entry point other than a package's `src/index.ts` would be named
//   `@nassij/<package>/<path>`; a `@module` tag still wins.
// - The types of the zod schemas read as TypeScript, not as `infer<typeof Call>`. A schema's type is an
//   exported type alias derived from it: `export type Call = z.infer<typeof Call>` (or `z.output`, `z.input`),
//   or an alias merged with a schema const of the same name (`export type RegionCode = …`).
//   - The type of an object schema becomes an interface listing its properties with their types and TSDoc,
//     as a `@interface` tag on the alias would make it, but keeping the comment TypeDoc gives an alias
//     without one of its own: the schema const's. Every such type, without a tag each.
//   - Any other schema type (enum, union, array, string…) stays an alias, of its resolved type.
//   - Where a property (or variable) has the type of such a schema, possibly in an array, optional or
//     nullable, it links to that type (`title: LocalizedText`, `amendments: Amendment[]`) rather than
//     repeating its structure. Types are matched by identity in the checker, so a look-alike type written
//     elsewhere is not renamed; a type two aliases share is linked to neither.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { ArrayType, Converter, IntrinsicType, ReflectionKind, UnionType } from 'typedoc';
import ts from 'typescript';

/** The zod helpers that turn a schema's type into the type of its values. */
const INFER_HELPERS = new Set(['infer', 'output', 'input']);
/** The type of an object schema, in zod and in zod/mini. */
const OBJECT_SCHEMA = /^\$?Zod(Mini)?Object$/;
const LITERAL = ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BigIntLiteral;
const NULLISH = ts.TypeFlags.Null | ts.TypeFlags.Undefined;

/**
 * The folder of the nearest package.json above `file`, with the package's name.
 *
 * @param {string} file
 * @returns {{ dir: string, name: string } | undefined}
 */
function owningPackage(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name } = JSON.parse(readFileSync(manifest, 'utf8'));
    return typeof name === 'string' ? { dir, name } : undefined;
  }
  return undefined;
}

/**
 * The module name of an entry point: its package's name, followed by the path of the file inside `src`
 * unless it is `src/index.ts`.
 *
 * @example
 * moduleName('/repo/packages/contract/src/index.ts'); // '@nassij/contract'
 * @param {string} file
 * @returns {string | undefined}
 */
export function moduleName(file) {
  const pkg = owningPackage(file);
  if (!pkg) return undefined;
  const path = relative(pkg.dir, file)
    .split(sep)
    .join('/')
    .replace(/^src\//, '')
    .replace(/(^|\/)index(\.d)?\.[cm]?[jt]sx?$/, '')
    .replace(/(\.d)?\.[cm]?[jt]sx?$/, '');
  return path ? `${pkg.name}/${path}` : pkg.name;
}

/**
 * @param {ts.TypeChecker} checker
 * @param {ts.Type} type
 */
const isSchema = (checker, type) => checker.getPropertyOfType(type, '_zod') !== undefined;

/**
 * The schema `alias` is the type of, when it is one: the schema of `z.infer<typeof X>` (`z.output`,
 * `z.input`), else the type of a const merged with the alias, if a zod schema.
 *
 * @param {ts.TypeChecker} checker
 * @param {ts.Symbol} alias
 * @returns {ts.Type | undefined}
 */
function schemaOf(checker, alias) {
  const declaration = alias.declarations?.find(ts.isTypeAliasDeclaration);
  if (!declaration || declaration.typeParameters) return undefined;
  const written = declaration.type;
  if (ts.isTypeReferenceNode(written) && written.typeArguments?.length === 1) {
    const helper = ts.isQualifiedName(written.typeName) ? written.typeName.right.text : written.typeName.text;
    const [argument] = written.typeArguments;
    if (INFER_HELPERS.has(helper) && argument && ts.isTypeQueryNode(argument)) {
      const schema = checker.getTypeAtLocation(argument);
      if (isSchema(checker, schema)) return schema;
    }
  }
  const value = alias.valueDeclaration;
  const schema = value && ts.isVariableDeclaration(value) ? checker.getTypeAtLocation(value) : undefined;
  return schema && isSchema(checker, schema) ? schema : undefined;
}

/**
 * Whether `type` is a type only its schema makes (an object with properties, a union of literals, a union
 * with such an object, an array or a record of those), so that meeting it elsewhere means meeting that
 * schema's type. Not a primitive, a lone literal, `boolean` or `string[]`, which any code may write.
 *
 * @param {ts.TypeChecker} checker
 * @param {ts.Type} type
 * @returns {boolean}
 */
function isDistinctive(checker, type) {
  if (type.flags & ts.TypeFlags.Boolean) return false;
  if (type.isUnion()) {
    const members = type.types.filter((member) => !(member.flags & NULLISH));
    const literals = members.filter((member) => member.flags & (LITERAL | ts.TypeFlags.BooleanLiteral));
    return (
      members.some((member) => isDistinctive(checker, member)) ||
      (literals.length === members.length &&
        members.length > 1 &&
        literals.some((member) => !(member.flags & ts.TypeFlags.BooleanLiteral)))
    );
  }
  if (!(type.flags & ts.TypeFlags.Object)) return false;
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    const elements = checker.getTypeArguments(/** @type {ts.TypeReference} */ (type));
    return elements.length > 0 && elements.every((element) => isDistinctive(checker, element));
  }
  if (type.getProperties().length > 0) return true;
  const indexes = checker.getIndexInfosOfType(type);
  return indexes.length > 0 && indexes.every((index) => isDistinctive(checker, index.type));
}

/**
 * @param {import('typedoc').Application} app
 */
export function load(app) {
  const converter = app.converter;
  /** @type {(context: import('typedoc').Context, type: ts.Type) => import('typedoc').SomeType} */
  const convertType = (context, type) => Converter.prototype.convertType.call(converter, context, type);

  /** The value types of the schemas met so far, to their alias; null for a type two aliases share. */
  /** @type {Map<ts.Type, ts.Symbol | null>} */
  let schemaTypes = new Map();
  /** Schema aliases, to the type to give them once TypeDoc has set theirs (none for an interface). */
  /** @type {Map<import('typedoc').DeclarationReflection, import('typedoc').SomeType | undefined>} */
  const retyped = new Map();

  /**
   * The schema union type with exactly these members (more than one), if any.
   *
   * @param {ts.Type[]} members
   * @returns {ts.Type | undefined}
   */
  const unionWith = (members) => {
    if (members.length < 2) return undefined;
    for (const [type, alias] of schemaTypes) {
      if (alias && type.isUnion() && type.types.length === members.length) {
        if (members.every((member) => type.types.includes(member))) return type;
      }
    }
    return undefined;
  };

  /**
   * The type to show for a value of `type`: a link to the schema type it is, or an array, an optional
   * or a nullable of one; undefined when it is none of these. Never a link to `self`.
   *
   * @param {import('typedoc').Context} context
   * @param {ts.Type} type
   * @param {ts.Symbol} [self]
   * @returns {import('typedoc').SomeType | undefined}
   */
  const schemaReference = (context, type, self) => {
    const alias = schemaTypes.get(type);
    if (alias && alias !== self) return context.createSymbolReference(alias, context, alias.name);
    const { checker } = context;
    if (checker.isArrayType(type)) {
      const [element] = checker.getTypeArguments(/** @type {ts.TypeReference} */ (type));
      const reference = element && schemaReference(context, element, self);
      return reference && new ArrayType(reference);
    }
    if (!type.isUnion() || type.aliasSymbol) return undefined;
    // The members as written (`Money | undefined`) rather than flattened, when TypeScript kept them;
    // else a union of literals made optional or nullable (`CallStatus | undefined`) is found by its members.
    const origin = /** @type {{ origin?: ts.Type }} */ (type).origin;
    const present = type.types.filter((member) => !(member.flags & NULLISH));
    const found = origin?.isUnion() ? undefined : unionWith(present);
    const whole = found === type ? undefined : found;
    const members = origin?.isUnion()
      ? origin.types
      : whole
        ? [whole, ...type.types.filter((member) => member.flags & NULLISH)]
        : type.types;
    const shown = [];
    for (const member of members) {
      if (member.flags & ts.TypeFlags.Undefined) shown.push(new IntrinsicType('undefined'));
      else if (member.flags & ts.TypeFlags.Null) shown.push(new IntrinsicType('null'));
      else {
        const reference = schemaReference(context, member, self);
        if (!reference) return undefined;
        shown.push(reference);
      }
    }
    if (shown.every((member) => member instanceof IntrinsicType)) return undefined;
    return shown.length === 1 ? shown[0] : new UnionType(shown);
  };

  // Properties and variables are typed through this method: a schema's type links to it.
  converter.convertType = /** @type {typeof converter.convertType} */ (
    /** @param {import('typedoc').Context} context @param {any} typeOrNode @param {ts.TypeNode} [node] */
    (context, typeOrNode, node) =>
      (typeOrNode && !('kind' in typeOrNode) && schemaReference(context, typeOrNode)) ||
      Converter.prototype.convertType.call(converter, context, typeOrNode, node)
  );

  converter.on(Converter.EVENT_BEGIN, () => {
    schemaTypes = new Map();
    retyped.clear();
  });

  /**
   * Notes the schema types a module exports.
   *
   * @param {import('typedoc').Context} context
   * @param {ts.Symbol} module
   */
  const noteSchemaTypes = (context, module) => {
    const { checker } = context;
    for (const exported of checker.getExportsOfModule(module)) {
      const alias = context.resolveAliasedSymbol(exported);
      if (!(alias.flags & ts.SymbolFlags.TypeAlias) || !schemaOf(checker, alias)) continue;
      const type = checker.getDeclaredTypeOfSymbol(alias);
      if (!isDistinctive(checker, type)) continue;
      const known = schemaTypes.get(type);
      schemaTypes.set(type, known === undefined || known === alias ? alias : null);
    }
  };

  // A single entry point is the project itself, with no module.
  converter.on(Converter.EVENT_CREATE_PROJECT, (context, project) => {
    const symbol = context.getSymbolFromReflection(project);
    if (symbol) noteSchemaTypes(context, symbol);
  });

  // Before TypeDoc's own listeners (priority 0), so that a `@module` tag still renames the module. Each
  // module is created before its re-exported members are converted.
  converter.on(
    Converter.EVENT_CREATE_DECLARATION,
    (context, reflection) => {
      if (reflection.kind !== ReflectionKind.Module || !reflection.parent?.isProject()) return;
      const symbol = context.getSymbolFromReflection(reflection);
      const file = symbol?.declarations?.find(ts.isSourceFile)?.fileName;
      const name = file && moduleName(file);
      if (name) reflection.name = name;
      if (symbol) noteSchemaTypes(context, symbol);
    },
    1,
  );

  converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (reflection.kind === ReflectionKind.Property) {
      // A property of a schema type, at any depth, is declared by the schema's shape (`title: LocalizedText`
      // in `z.strictObject({…})`): that is no default value.
      for (let parent = reflection.parent; parent; parent = parent.parent) {
        if (retyped.has(/** @type {import('typedoc').DeclarationReflection} */ (parent))) {
          delete reflection.defaultValue;
          break;
        }
      }
      return;
    }
    if (reflection.kind !== ReflectionKind.TypeAlias) return;
    const alias = context.getSymbolFromReflection(reflection);
    const { checker } = context;
    const schema = alias && schemaOf(checker, alias);
    if (!alias || !schema) return;
    const type = checker.getDeclaredTypeOfSymbol(alias);
    const scope = context.withScope(reflection);
    if (OBJECT_SCHEMA.test(schema.getSymbol()?.name ?? '') && !type.isUnionOrIntersection()) {
      // What TypeDoc does with a type alias tagged `@interface`; the comment is already the schema's.
      reflection.kind = ReflectionKind.Interface;
      retyped.set(reflection, undefined);
      for (const property of type.getProperties()) converter.convertSymbol(scope, property);
    } else {
      retyped.set(reflection, schemaReference(scope, type, alias) ?? convertType(scope, type));
    }
  });

  // TypeDoc gives the alias its type (`infer<typeof Call>`) after the event above.
  converter.on(Converter.EVENT_RESOLVE_BEGIN, () => {
    for (const [reflection, type] of retyped) {
      if (type) reflection.type = type;
      else delete reflection.type;
    }
    retyped.clear();
  });
}

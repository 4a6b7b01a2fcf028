// The Custom Elements Manifest, from one source of truth: the JSDoc on the
// element classes (@fires with detail types, @csspart, @cssprop, @slot) and
// their Lit `static properties` with the typed fields they declare. test/build/manifest.test.ts holds it to the
// templates and styles; build/editor-data.mjs and build/docs.mjs read it.

/** `src/a/b.ts` → `dist/a/b.js`: the manifest describes the files that are published. */
function toDist(path) {
  return typeof path === 'string' ? path.replace(/^\/?src\//, 'dist/').replace(/\.ts$/, '.js') : path;
}

/** Points every module, superclass and export at dist/ instead of src/. */
function publishedPaths() {
  const fixReference = (reference) => {
    if (reference && typeof reference === 'object' && 'module' in reference) reference.module = toDist(reference.module);
  };
  return {
    name: 'feelback-published-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        module.path = toDist(module.path);
        for (const declaration of module.declarations ?? []) {
          fixReference(declaration.superclass);
          for (const mixin of declaration.mixins ?? []) fixReference(mixin);
          for (const list of [declaration.members, declaration.attributes, declaration.events]) {
            for (const item of list ?? []) fixReference(item.inheritedFrom);
          }
        }
        for (const exported of module.exports ?? []) fixReference(exported.declaration);
      }
    },
  };
}

/**
 * Keeps only the events an element documents with `@fires`. The analyzer also
 * reports every `dispatchEvent(new CustomEvent(name, …))` it finds, and where
 * the name is a variable that becomes a bogus event named after the variable.
 */
function documentedEventsOnly() {
  return {
    name: 'feelback-documented-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.events) continue;
          declaration.events = declaration.events.filter((event) => event.name && event.description);
        }
      }
    },
  };
}

/**
 * Links a JSDoc `@attr` to the settable public field of the same name in camelCase
 * (`launcher-id` → `launcherId`): a plain element's reflecting accessor, which the
 * analyzer otherwise lists as a property without an attribute.
 */
function linkReflectingFields() {
  const camelCase = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
  return {
    name: 'feelback-reflecting-fields',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const attribute of declaration.attributes ?? []) {
            if (attribute.fieldName) continue;
            const field = (declaration.members ?? []).find(
              (member) => member.kind === 'field' && member.name === camelCase(attribute.name) && !member.readonly && !member.static && !member.privacy,
            );
            if (field) attribute.fieldName = field.name;
          }
        }
      }
    },
  };
}

/**
 * Reads Lit's `static properties` as the analyzer reads decorated fields. An
 * entry with `state: true` gets no attribute from Lit (what `@state()` did),
 * but the analyzer looks only for `attribute: false` and would list every
 * private state field as an attribute. And it marks each entry's field
 * `privacy: 'public'`, which it leaves implicit on every other public field.
 */
function litStaticProperties() {
  const isTrue = (ts, node) => node.kind === ts.SyntaxKind.TrueKeyword;
  return {
    name: 'feelback-lit-static-properties',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const declaration = moduleDoc.declarations?.find((item) => item.name === node.name.text);
      if (!declaration) return;
      const declared = node.members.find(
        (member) => member.name?.getText() === 'properties' && member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword),
      );
      // `static properties = { … }` or `static get properties() { return { … }; }`
      const properties = declared && ts.isGetAccessor(declared) ? declared.body?.statements.find(ts.isReturnStatement)?.expression : declared?.initializer;
      if (!properties || !ts.isObjectLiteralExpression(properties)) return;
      for (const entry of properties.properties) {
        if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) continue;
        const member = declaration.members?.find((item) => item.name === entry.name.getText());
        if (!member) continue;
        if (member.privacy === 'public') delete member.privacy;
        const state = entry.initializer.properties.some(
          (option) => ts.isPropertyAssignment(option) && option.name.getText() === 'state' && isTrue(ts, option.initializer),
        );
        if (!state) continue;
        declaration.attributes = (declaration.attributes ?? []).filter((attribute) => attribute.name !== member.attribute);
        delete member.attribute;
        delete member.reflects;
      }
    },
  };
}

/**
 * Writes a string-literal union alias out in full (`ScaleName` → `'stars' | 'nps' | …`)
 * and a default given as a constant as its value (`NUMERIC_DEFAULT_MIN` → `1`),
 * so the docs and editors show what an attribute takes.
 */
function expandLiteralUnions() {
  const aliases = new Map();
  const constants = new Map();
  const expand = (item) => {
    if (item.type?.text && aliases.has(item.type.text)) item.type.text = aliases.get(item.type.text);
    if (item.default && constants.has(item.default)) item.default = constants.get(item.default);
  };
  return {
    name: 'feelback-literal-unions',
    analyzePhase({ ts, node }) {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        const value = node.initializer;
        if (ts.isNumericLiteral(value)) constants.set(node.name.text, value.text.replace(/_/g, ''));
        if (ts.isStringLiteral(value)) constants.set(node.name.text, `'${value.text}'`);
      }
      if (!ts.isTypeAliasDeclaration(node) || !ts.isUnionTypeNode(node.type)) return;
      const literals = node.type.types.every((member) => ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal));
      if (literals) aliases.set(node.name.text, node.type.types.map((member) => `'${member.literal.text}'`).join(' | '));
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) expand(item);
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/i18n/locales/**', 'src/react/**', 'src/vue/**'],
  outdir: '.',
  litelement: true,
  plugins: [documentedEventsOnly(), litStaticProperties(), expandLiteralUnions(), linkReflectingFields(), publishedPaths()],
};

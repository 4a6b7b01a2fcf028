// The Custom Elements Manifest, from one source of truth: the JSDoc on the
// element classes (@fires with detail types, @csspart, @cssprop, @slot) and
// their Lit @property declarations. test/build/manifest.test.ts holds it to the
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
  plugins: [documentedEventsOnly(), expandLiteralUnions(), linkReflectingFields(), publishedPaths()],
};

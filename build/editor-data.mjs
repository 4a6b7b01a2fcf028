// Editor support generated from custom-elements.json, published beside it:
// - web-types.json: JetBrains IDEs (WebStorm, IntelliJ) read it through the
//   "web-types" field of package.json;
// - vscode.html-custom-data.json: VS Code's HTML language service, through the
//   `html.customData` setting.
// Both give completion and hover docs for the tags, attributes (with their
// values), events, CSS parts and CSS custom properties.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { elementsOf, literalValues, propertiesWithoutAttribute, readManifest, typeText } from './manifest-read.mjs';

const DOCS_BASE = 'docs/reference/';

function docUrl(pkg, element) {
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const page = `${DOCS_BASE}${element.tagName.replace(/^feelback-/, '')}.md`;
  return repository ? `${repository.replace(/^git\+/, '').replace(/\.git$/, '')}/blob/main/${page}` : undefined;
}

function elementDescription(element) {
  return [element.summary, element.description].filter(Boolean).join('\n\n');
}

/** JetBrains web-types (schema: JetBrains/web-types). */
export function webTypes(manifest, pkg) {
  return {
    $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: elementsOf(manifest).map((element) => ({
          name: element.tagName,
          description: elementDescription(element),
          ...(docUrl(pkg, element) ? { 'doc-url': docUrl(pkg, element) } : {}),
          attributes: (element.attributes ?? []).map((attribute) => {
            const values = literalValues(attribute.type);
            const type = typeText(attribute.type);
            return {
              name: attribute.name,
              description: attribute.description ?? '',
              ...(attribute.default !== undefined ? { default: attribute.default } : {}),
              value: values.length > 0 ? { type: 'enum', kind: 'plain' } : type === 'boolean' ? { type: 'boolean', kind: 'no-value' } : { type: type || 'string', kind: 'plain' },
              ...(values.length > 0 ? { values: values.map((name) => ({ name })) } : {}),
            };
          }),
          js: {
            properties: [
              ...(element.attributes ?? []).filter((attribute) => attribute.fieldName),
              ...propertiesWithoutAttribute(element),
            ].map((member) => ({
              name: member.fieldName ?? member.name,
              description: member.description ?? '',
              type: typeText(member.type) || 'unknown',
            })),
            events: (element.events ?? []).map((event) => ({
              name: event.name,
              description: event.description ?? '',
              ...(event.type?.text ? { type: event.type.text } : {}),
            })),
          },
          css: {
            parts: (element.cssParts ?? []).map((part) => ({ name: part.name, description: part.description ?? '' })),
            properties: (element.cssProperties ?? []).map((property) => ({ name: property.name, description: property.description ?? '' })),
          },
        })),
      },
    },
  };
}

/** VS Code HTML custom data (version 1.1). */
export function vscodeCustomData(manifest, pkg) {
  return {
    version: 1.1,
    tags: elementsOf(manifest).map((element) => {
      const url = docUrl(pkg, element);
      return {
        name: element.tagName,
        description: elementDescription(element),
        attributes: (element.attributes ?? []).map((attribute) => {
          const values = literalValues(attribute.type);
          const type = typeText(attribute.type);
          return {
            name: attribute.name,
            description: [attribute.description, type ? `Type: \`${type}\`` : '', attribute.default !== undefined ? `Default: \`${attribute.default}\`` : '']
              .filter(Boolean)
              .join('\n\n'),
            ...(values.length > 0 ? { values: values.map((name) => ({ name })) } : type === 'boolean' ? { valueSet: 'v' } : {}),
          };
        }),
        ...(url ? { references: [{ name: 'Reference', url }] } : {}),
      };
    }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = readManifest();
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  writeFileSync(new URL('../web-types.json', import.meta.url), `${JSON.stringify(webTypes(manifest, pkg), null, 2)}\n`);
  writeFileSync(new URL('../vscode.html-custom-data.json', import.meta.url), `${JSON.stringify(vscodeCustomData(manifest, pkg), null, 2)}\n`);
  console.log('editor data: wrote web-types.json, vscode.html-custom-data.json');
}

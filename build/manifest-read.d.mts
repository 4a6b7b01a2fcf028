// Types for build/manifest-read.mjs (used by the tests); the manifest follows schema.json of custom-elements-manifest.
export interface ManifestType {
  text?: string;
}
export interface ManifestItem {
  name: string;
  description?: string;
  type?: ManifestType;
  default?: string;
  fieldName?: string;
  kind?: string;
  static?: boolean;
  privacy?: string;
  readonly?: boolean;
  parameters?: ManifestItem[];
}
export interface ManifestElement {
  /** The class name. */
  name: string;
  tagName: string;
  modulePath: string;
  summary?: string;
  description?: string;
  attributes?: ManifestItem[];
  members?: ManifestItem[];
  events?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
  slots?: ManifestItem[];
}
export interface Manifest {
  modules: Array<{ path: string; declarations?: unknown[]; exports?: unknown[] }>;
}
export function readManifest(root?: URL): Manifest;
export function elementsOf(manifest: Manifest): ManifestElement[];
export function propertiesWithoutAttribute(element: ManifestElement): ManifestItem[];
export function publicMethods(element: ManifestElement): ManifestItem[];
export function typeText(type: ManifestType | undefined): string;
export function literalValues(type: ManifestType | undefined): string[];

import type { Manifest, ManifestElement } from './manifest-read.mjs';
export function renderElementPage(element: ManifestElement): string;
export function renderDocs(manifest: Manifest): Map<string, string>;

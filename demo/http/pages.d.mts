// Types for pages.mjs, generated from its JSDoc so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs demo/http/*.mjs
/**
 * The collector's own small pages: sign in, sign out, erase a visitor's data.
 * Server-rendered forms with no script at all; every value placed in them is
 * escaped.
 */
/** @param {string} text */
export function escapeHtml(text: string): string;
/**
 * @param {{ next: string, error?: string }} options
 */
export function signInPage({ next, error }: {
    next: string;
    error?: string;
}): string;
/** @param {{ csrfToken: string }} options */
export function signOutPage({ csrfToken }: {
    csrfToken: string;
}): string;
/**
 * The erasure form: a visitor asked for their answers to be deleted.
 * @param {{ csrfToken: string, error?: string, done?: string }} options
 */
export function erasePage({ csrfToken, error, done }: {
    csrfToken: string;
    error?: string;
    done?: string;
}): string;

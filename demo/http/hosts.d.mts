// Types for hosts.mjs, generated from its JSDoc so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs demo/http/*.mjs
/**
 * The default list: the bound host and the loopback names, each with the port.
 * Bound to every interface, the machine's own host name joins them (the
 * public name has to come from `ALLOWED_HOSTS`).
 *
 * @param {string} boundHost
 * @param {number} port
 */
export function defaultAllowedHosts(boundHost: string, port: number): string[];
/**
 * @param {string[]} allowed entries as described above
 * @returns {(hostHeader: string | undefined) => boolean}
 */
export function createHostCheck(allowed: string[]): (hostHeader: string | undefined) => boolean;

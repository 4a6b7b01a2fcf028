// Types for client-address.mjs, generated from its JSDoc so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs demo/http/*.mjs
/**
 * The key a client's limits are counted under: its IPv4 address, or the /64
 * its IPv6 address is in (one subscriber usually holds a whole /64, so
 * counting single IPv6 addresses would let one client rotate through 2^64).
 *
 * Behind a reverse proxy every connection comes from the proxy; with
 * `trustProxy` the address is the last hop the proxy appended to
 * `X-Forwarded-For` (the earlier ones are whatever the client sent).
 *
 * @param {import('node:http').IncomingMessage} req
 * @param {boolean} trustProxy
 */
export function clientKey(req: import("node:http").IncomingMessage, trustProxy: boolean): string;
/** @param {string} address */
export function addressKey(address: string): string;
/**
 * Whether the request reached the collector over https: directly, or (with
 * `trustProxy`) as the proxy's `X-Forwarded-Proto` says.
 *
 * @param {import('node:http').IncomingMessage} req
 * @param {boolean} trustProxy
 */
export function isHttps(req: import("node:http").IncomingMessage, trustProxy: boolean): boolean;

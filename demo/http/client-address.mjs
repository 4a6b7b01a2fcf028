import { isIPv6 } from 'node:net';

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
export function clientKey(req, trustProxy) {
  if (trustProxy) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').map((hop) => hop.trim()).filter(Boolean).at(-1);
    if (forwarded) return addressKey(forwarded);
  }
  return addressKey(req.socket.remoteAddress ?? 'unknown');
}

/** @param {string} address */
export function addressKey(address) {
  const plain = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped) return mapped[1];
  if (!isIPv6(plain)) return plain;
  return `${expandIPv6(plain).slice(0, 4).join(':')}::/64`;
}

/** @param {string} address @returns {string[]} eight groups */
function expandIPv6(address) {
  const [head, tail = ''] = address.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = address.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  return [...headGroups, ...Array(Math.max(0, missing)).fill('0'), ...tailGroups].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}

/**
 * Whether the request reached the collector over https: directly, or (with
 * `trustProxy`) as the proxy's `X-Forwarded-Proto` says.
 *
 * @param {import('node:http').IncomingMessage} req
 * @param {boolean} trustProxy
 */
export function isHttps(req, trustProxy) {
  if (/** @type {import('node:tls').TLSSocket} */ (req.socket).encrypted) return true;
  if (!trustProxy) return false;
  return String(req.headers['x-forwarded-proto'] ?? '').split(',').at(-1)?.trim().toLowerCase() === 'https';
}

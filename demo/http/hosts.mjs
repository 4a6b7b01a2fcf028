import { hostname } from 'node:os';

/**
 * The `Host` allow-list. A page on attacker.example whose name is made to
 * resolve to 127.0.0.1 (DNS rebinding) reaches the collector from the
 * visitor's own browser, but still says `Host: attacker.example`; refusing
 * unknown hosts (421 Misdirected Request) is what stops it.
 *
 * Entries are `name` (any port) or `name:port`; IPv6 literals in brackets.
 */

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]']);

/** @param {string} host */
function bracketed(host) {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * The default list: the bound host and the loopback names, each with the port.
 * Bound to every interface, the machine's own host name joins them (the
 * public name has to come from `ALLOWED_HOSTS`).
 *
 * @param {string} boundHost
 * @param {number} port
 */
export function defaultAllowedHosts(boundHost, port) {
  const names = new Set(LOOPBACK_NAMES);
  if (WILDCARD_BINDS.has(boundHost)) names.add(hostname().toLowerCase());
  else names.add(bracketed(boundHost.toLowerCase()));
  return [...names].map((name) => `${name}:${port}`);
}

/**
 * Splits `name[:port]`, lower-cased, without a trailing dot.
 * @param {string} value
 * @returns {{ name: string, port: string | undefined } | undefined}
 */
function splitHost(value) {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]/\s@]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match) return undefined;
  return { name: match[1].toLowerCase().replace(/\.$/, ''), port: match[2] };
}

/**
 * @param {string[]} allowed entries as described above
 * @returns {(hostHeader: string | undefined) => boolean}
 */
export function createHostCheck(allowed) {
  const entries = allowed.map((entry) => {
    const parsed = splitHost(entry);
    if (!parsed) throw new RangeError(`"${entry}" is not a host name, or host:port`);
    return parsed;
  });
  return (hostHeader) => {
    if (hostHeader === undefined) return false;
    const given = splitHost(hostHeader);
    if (!given) return false;
    // A Host without a port means the scheme's default port.
    const ports = given.port === undefined ? ['80', '443'] : [given.port];
    return entries.some((entry) => entry.name === given.name && (entry.port === undefined || ports.includes(entry.port)));
  };
}

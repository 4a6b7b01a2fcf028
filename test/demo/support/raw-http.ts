import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Parses the first response in `text` (status line, headers, body as far as it came). */
export function parseResponse(text: string): RawResponse {
  const [head, ...rest] = text.split('\r\n\r\n');
  const [statusLine, ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') };
}

/**
 * Sends `request` as written (so the test controls the request line and
 * `Host`, which fetch does not allow) and resolves with everything the server
 * sent once it closes the connection. Add `Connection: close` to the request.
 */
export function rawRequest(port: number, request: string, options: { localAddress?: string } = {}): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const socket = connect({ port, host: '127.0.0.1', ...options });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', fail);
    socket.on('close', () => done(parseResponse(Buffer.concat(chunks).toString('latin1'))));
    socket.write(request);
  });
}

/** `GET path` with the given `Host`, answered in full. */
export function getWithHost(port: number, path: string, host: string, headers = ''): Promise<RawResponse> {
  return rawRequest(port, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${headers}Connection: close\r\n\r\n`);
}

/** Opens a connection that sends nothing; resolves once connected. */
export function idleSocket(port: number, localAddress?: string): Promise<Socket> {
  return new Promise((done, fail) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress }, () => done(socket));
    // Read (and drop) whatever comes, so the end of the connection is seen.
    socket.resume();
    socket.on('error', () => undefined);
    socket.once('error', fail);
  });
}

/** Resolves with how long the socket stayed open from now, or `'open'` if it outlived `timeoutMs`. */
export function closedWithin(socket: Socket, timeoutMs: number): Promise<number | 'open'> {
  const start = Date.now();
  return new Promise((done) => {
    if (socket.destroyed || socket.readyState === 'closed') return done(0);
    const timer = setTimeout(() => done('open'), timeoutMs);
    socket.once('close', () => {
      clearTimeout(timer);
      done(Date.now() - start);
    });
  });
}

import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the peer server received it, body included. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A throwaway HTTP server on a random port: the other end of the wire for the SDK's tests. */
export interface Peer {
  /** Base URL, such as `http://127.0.0.1:40123`. */
  url: string;
  /** Every request received, in order. */
  received: Received[];
  close(): Promise<void>;
}

/** Handles one request; `index` counts from 0. */
export type PeerHandler = (
  request: Received,
  response: ServerResponse,
  index: number,
) => void | Promise<void>;

/** Sends a JSON (or problem+json) body. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  response.writeHead(status, { 'content-type': type, ...headers });
  response.end(JSON.stringify(body));
}

/** Starts a peer on 127.0.0.1 with a random port. */
export async function startPeer(handler: PeerHandler): Promise<Peer> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const entry: Received = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      };
      const index = received.push(entry) - 1;
      (async () => handler(entry, response, index))().catch((error: unknown) => {
        response.writeHead(599);
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

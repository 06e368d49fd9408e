import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A load balancer stand-in on 127.0.0.1: forwards each POST /api/messages to the next bot port in turn. */
export interface RoundRobinProxy {
  url: string;
  /** The bot port each forwarded request went to, in arrival order. */
  forwardedTo: number[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Sends one request body to a bot and resolves with its status, headers and body. */
function forward(port: number, req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-length': String(body.length) };
    for (const name of ['content-type', 'authorization']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const out = request({ host: '127.0.0.1', port, method: 'POST', path: req.url, headers }, (res) => {
      readBody(res).then((answer) => {
        const contentType = res.headers['content-type'];
        resolve({ status: res.statusCode ?? 502, headers: typeof contentType === 'string' ? { 'content-type': contentType } : {}, body: answer });
      }, reject);
    });
    out.once('error', reject);
    out.end(body);
  });
}

/** Starts the proxy in front of the given bot ports; anything but POST /api/messages gets 404. */
export async function startRoundRobinProxy(ports: readonly number[]): Promise<RoundRobinProxy> {
  const forwardedTo: number[] = [];
  let next = 0;
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/api/messages') {
      res.statusCode = 404;
      res.end();
      return;
    }
    const port = ports[next % ports.length];
    next += 1;
    if (port === undefined) {
      res.statusCode = 503;
      res.end();
      return;
    }
    forwardedTo.push(port);
    readBody(req)
      .then((body) => forward(port, req, body))
      .then(
        (answer) => {
          res.statusCode = answer.status;
          for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
          res.end(answer.body);
        },
        () => {
          res.statusCode = 502;
          res.end();
        },
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    forwardedTo,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

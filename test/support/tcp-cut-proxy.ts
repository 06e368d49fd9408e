import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { createHttpsServer } from '@vercel/cosmosdb-server';

/** How new connections fare while the link is cut: refused outright, or accepted and never answered. */
export type CutMode = 'refuse' | 'hang';

/** A TCP forwarder on 127.0.0.1 whose link to the target can be cut and restored, as a network partition would. */
export interface TcpCutProxy {
  /** The port clients connect to (it stays the same across cuts). */
  port: number;
  /** Destroys every open connection; new ones are then refused, or accepted and left hanging with no answer. */
  cut(mode: CutMode): Promise<void>;
  /** Forwards new connections again; connections left hanging during the cut are dropped. */
  restore(): Promise<void>;
  /** Connections opened through the proxy so far (forwarded or hung). */
  connectionsSeen(): number;
  close(): Promise<void>;
}

function listenOn(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function stopListening(server: Server): Promise<void> {
  return new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
}

/** Starts the proxy in front of 127.0.0.1:targetPort, forwarding. */
export function startTcpCutProxy(targetPort: number): Promise<TcpCutProxy> {
  return startTcpCutProxyTo({ port: targetPort });
}

/** The proxy, reading the target port at each connection (so it may be known only after the proxy starts). */
async function startTcpCutProxyTo(target: { readonly port: number }): Promise<TcpCutProxy> {
  const open = new Set<Socket>();
  let state: 'forwarding' | CutMode = 'forwarding';
  let seen = 0;
  const track = (socket: Socket): void => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    seen += 1;
    track(client);
    // 'hang': keep the socket, read nothing, answer nothing (a partition where packets go nowhere).
    if (state !== 'forwarding') {
      client.pause();
      return;
    }
    const upstream = connect(target.port, '127.0.0.1');
    track(upstream);
    upstream.once('close', () => client.destroy());
    client.once('close', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await listenOn(server, 0);
  const { port } = server.address() as AddressInfo;
  const destroyAll = (): void => {
    for (const socket of open) socket.destroy();
    open.clear();
  };

  return {
    port,
    cut: async (mode) => {
      state = mode;
      destroyAll();
      // 'refuse': nothing listens on the port, so connecting fails at once with ECONNREFUSED.
      if (mode === 'refuse') await stopListening(server);
      else if (!server.listening) await listenOn(server, port);
    },
    restore: async () => {
      destroyAll();
      if (!server.listening) await listenOn(server, port);
      state = 'forwarding';
    },
    connectionsSeen: () => seen,
    close: async () => {
      destroyAll();
      await stopListening(server);
    },
  };
}

/**
 * The Cosmos test server reached only through a cut proxy. The server advertises the proxy's
 * address as its account endpoint, so an SDK with endpoint discovery on (as in production) also
 * sends every request through the proxy instead of finding its way round the cut.
 */
export async function startCosmosBehindCutProxy(): Promise<{ endpoint: string; directEndpoint: string; proxy: TcpCutProxy; close(): Promise<void> }> {
  const target = { port: 0 };
  const proxy = await startTcpCutProxyTo(target);
  const server = createHttpsServer();
  const realAddress = server.address.bind(server);
  // The test server builds its account document from address() when it starts listening.
  server.address = () => ({ address: '127.0.0.1', family: 'IPv4', port: proxy.port });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  target.port = (realAddress() as AddressInfo).port;
  return {
    endpoint: `https://127.0.0.1:${proxy.port}`,
    /** The server itself, round the proxy: to look at what was (not) written while the link is cut. */
    directEndpoint: `https://127.0.0.1:${target.port}`,
    proxy,
    close: async () => {
      await proxy.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

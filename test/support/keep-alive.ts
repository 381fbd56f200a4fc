import { once } from 'node:events';
import { connect } from 'node:net';

export interface KeepAliveClient {
  /** Ends the request begun, then asks again on the same connection every 100 ms while it is open. */
  keepAsking(): void;
  /** How many answers came back on the connection. */
  answers(): number;
  /** The raw answers, for a failure message. */
  received(): string;
  /** Resolves when the server has closed the connection. */
  closed: Promise<void>;
  destroy(): void;
}

/**
 * A keep-alive client caught mid-request when a server is told to stop, as browsers, proxies and
 * polling partner apps often are: it has sent a request's line and headers but not the blank line
 * that ends them, so the server counts its connection as busy and leaves it open. It then keeps
 * asking on that one connection, which a stopping server must not go on answering.
 */
export async function keepAliveClientMidRequest(url: string): Promise<KeepAliveClient> {
  const { hostname, port, pathname, host } = new URL(url);
  const socket = connect(Number(port), hostname);
  await once(socket, 'connect');
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  socket.on('error', () => {
    // a reset by the server ends the connection as well as a close
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const head = `GET ${pathname} HTTP/1.1\r\nHost: ${host}\r\nConnection: keep-alive\r\n`;
  socket.write(head);
  // Time for the server to read the unfinished head.
  await new Promise((r) => setTimeout(r, 200));
  let timer: NodeJS.Timeout | undefined;
  void closed.then(() => clearInterval(timer));
  return {
    keepAsking() {
      if (socket.destroyed) return;
      socket.write('\r\n');
      timer = setInterval(() => {
        if (!socket.destroyed) socket.write(`${head}\r\n`);
      }, 100);
    },
    answers: () => received.match(/^HTTP\/1\.1 \d{3}/gm)?.length ?? 0,
    received: () => received,
    closed,
    destroy() {
      clearInterval(timer);
      socket.destroy();
    },
  };
}

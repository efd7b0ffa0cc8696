// The HTTP side of `briefdeck serve` (hono on Node's http server): the page, the slide pictures by
// fingerprint (content-addressed, so a browser may cache them for good), and a server-sent-event stream
// that pushes the deck's state on connect and after every change. Listens on 127.0.0.1 only, and
// answers only requests addressed to it by that name (or localhost), so that a web page elsewhere
// cannot read the deck through a rebinding DNS name.
import type { AddressInfo } from 'node:net';
import { createAdaptorServer, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { pageHtml } from './page.js';

export interface ServerSide {
  /** The current state, as JSON text. */
  state(): string;
  image(key: string): Buffer | undefined;
}

export interface Listening {
  port: number;
  url: string;
  /** Sends the current state to every open page. */
  push(): void;
  close(): Promise<void>;
}

const KEY = /^[0-9a-f]{8,64}$/;

export function listen(side: ServerSide, port: number): Promise<Listening> {
  const listeners = new Set<() => void>();
  let actualPort = port;
  const app = new Hono();
  app.use(async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (host !== `127.0.0.1:${actualPort}` && host !== `localhost:${actualPort}`) return c.text('briefdeck serve answers only on 127.0.0.1', 403);
    await next();
  });
  app.get('/', (c) => c.html(pageHtml(), 200, { 'cache-control': 'no-store' }));
  app.get('/slides/:file', (c) => {
    const key = c.req.param('file').replace(/\.png$/, '');
    const png = KEY.test(key) ? side.image(key) : undefined;
    if (!png) return c.text('no such slide picture', 404);
    return c.body(new Uint8Array(png), 200, { 'content-type': 'image/png', 'cache-control': 'public, max-age=31536000, immutable' });
  });
  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      let id = 0;
      const send = () => void stream.writeSSE({ event: 'state', data: side.state(), id: String(++id) }).catch(() => undefined);
      listeners.add(send);
      send();
      await new Promise<void>((resolve) => stream.onAbort(resolve));
      listeners.delete(send);
    }),
  );
  const server: ServerType = createAdaptorServer({ fetch: app.fetch, hostname: '127.0.0.1' });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      actualPort = (server.address() as AddressInfo).port;
      resolve({
        port: actualPort,
        url: `http://127.0.0.1:${actualPort}/`,
        push: () => {
          for (const l of listeners) l();
        },
        close: () =>
          new Promise<void>((done) => {
            // Open event streams would keep the server up for good.
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

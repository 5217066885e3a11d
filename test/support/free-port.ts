import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 now, for a built app a test starts. */
export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

import { HttpClient } from './http-client';
import type { LoadOrder, LoadReply } from './load-process';
import { timed } from './stats';

/** The load process (LoadProcess): runs each order of requests and answers their durations. */
let client: HttpClient | undefined;

process.on('message', (order: LoadOrder) => {
  client ??= new HttpClient(order.baseUrl);
  const http = client;
  const reply = (r: LoadReply) => process.send!(r);
  const started = process.hrtime.bigint();
  timed(order.requests.length, order.clients, async (i) => {
    const { method, path, body, status } = order.requests[i];
    const res = await http.send(method, path, body);
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${res.body}`);
  }).then(
    (durations) =>
      reply({ id: order.id, durations, elapsedMs: Number(process.hrtime.bigint() - started) / 1e6 }),
    (error: Error) => reply({ id: order.id, error: error.message }),
  );
});

// The benchmark disconnects when it is done.
process.on('disconnect', () => {
  client?.close();
  process.exit(0);
});

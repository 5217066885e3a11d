import { Pool } from 'undici';

/**
 * The benchmark's HTTP client: undici's connection pool over kept-alive connections. The load comes
 * from the same two cores as the app it measures, so the client must cost little. Measured on the
 * same appends (16 clients): fetch took 59% of a core and the app answered 630 appends/s (p99
 * 48.8 ms); node:http 19% and 990/s (p99 30.7 ms); undici's pool less again (README, benchmark).
 */
export class HttpClient {
  private readonly pool: Pool;

  constructor(baseUrl: string) {
    this.pool = new Pool(baseUrl, { connections: 64 });
  }

  /** The response's status and body (read whole). */
  async send(method: 'GET' | 'POST', path: string, body?: object): Promise<{ status: number; body: string }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const res = await this.pool.request({
      method,
      path,
      headers: payload ? { 'content-type': 'application/json' } : {},
      body: payload,
    });
    return { status: res.statusCode, body: await res.body.text() };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

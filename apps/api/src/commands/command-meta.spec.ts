import type { FastifyRequest } from 'fastify';
import { commandMetaFrom } from './command-meta';

const request = (headers: Record<string, string>) =>
  ({
    method: 'POST',
    url: '/api/organizations/abc/meetings?ignored=1',
    headers,
    body: { b: { d: [1, 2], c: 1 }, a: 2 },
  }) as unknown as FastifyRequest;

describe('commandMetaFrom', () => {
  it('hashes method, path and canonical body for an idempotency key, as it always has', () => {
    // sha256 of "POST /api/organizations/abc/meetings\n{"a":2,"b":{"c":1,"d":[1,2]}}": the hash
    // stored with keys before the move from Express, so a key sent again still matches.
    expect(commandMetaFrom(request({ 'idempotency-key': 'k-1' }))).toMatchObject({
      idempotencyKey: 'k-1',
      requestHash: '6983cd9aa665e6cc57fa01e3f3efef5d081b40d28a16f1fc84003eaad0195ccf',
    });
  });

  it('makes no hash without a key', () => {
    expect(commandMetaFrom(request({})).requestHash).toBeUndefined();
  });
});

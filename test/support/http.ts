import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { TestApp } from './test-app';

/** Small helpers for e2e tests: POST a command, and check that a refused one changed nothing. */
export const client = (t: TestApp) => {
  const post = (path: string, body: object, headers: Record<string, string> = {}) => {
    const r = request(t.app.getHttpServer()).post(path).send(body);
    for (const [k, v] of Object.entries(headers)) r.set(k, v);
    return r;
  };
  const get = (path: string) => request(t.app.getHttpServer()).get(path);
  /** Posts and expects the status; asserts the log did not move when the status is an error. */
  const expectStatus = async (
    status: number,
    path: string,
    body: object,
    headers: Record<string, string> = {},
  ) => {
    const before = await t.logSize();
    const res = await post(path, body, headers);
    if (res.status !== status)
      throw new Error(`${path}: expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    if (status >= 400) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await t.logSize()).toBe(before);
    }
    return res;
  };
  const establish = async (
    kind: string,
    parentId: string | undefined,
    effectiveDate = '2020-01-01',
    name = `${kind} ${randomUUID().slice(0, 6)}`,
  ) =>
    (await expectStatus(201, '/api/organizations', { name, kind, parentId, effectiveDate })).body
      .id as string;
  return { post, get, expectStatus, establish };
};

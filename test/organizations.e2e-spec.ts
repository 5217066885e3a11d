import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { client } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

describe('organizations over HTTP', () => {
  let t: TestApp;
  let http: ReturnType<typeof client>;
  let province: string;
  let district: string;
  beforeAll(async () => {
    t = await createTestApp();
    http = client(t);
    province = await http.establish('provincial_committee', undefined, '2010-01-01');
    district = await http.establish('district_committee', province, '2010-01-01');
  });
  afterAll(() => t.close());

  describe('POST /api/organizations', () => {
    it('establishes an organization and answers { id, version, position }', async () => {
      const id = randomUUID();
      const res = await http.expectStatus(201, '/api/organizations', {
        id,
        name: 'Đảng bộ xã Thanh Ba',
        kind: 'base_committee',
        parentId: district,
        effectiveDate: '2015-03-01',
        decisionRef: '12-QĐ/HU',
      });
      expect(res.body).toEqual({ id, version: 0, position: expect.any(Number) });
      const got = await http.get(`/api/organizations/${id}`).expect(200);
      expect(got.body).toMatchObject({
        id,
        name: 'Đảng bộ xã Thanh Ba',
        kind: 'base_committee',
        parentId: district,
        status: 'active',
      });
    });

    it('keeps a Vietnamese name typed decomposed as the composed (NFC) name', async () => {
      const decomposed = 'Chi bộ thôn Đồng Xuân'.normalize('NFD');
      const commune = await http.establish('base_committee', district);
      const res = await http.expectStatus(201, '/api/organizations', {
        name: decomposed,
        kind: 'cell',
        parentId: commune,
        effectiveDate: '2020-01-01',
      });
      const got = await http.get(`/api/organizations/${res.body.id}`).expect(200);
      expect(got.body.name).toBe('Chi bộ thôn Đồng Xuân'.normalize('NFC'));
    });

    it('refuses a kind under the wrong parent, naming ORG-1', async () => {
      const res = await http.expectStatus(422, '/api/organizations', {
        name: 'Chi bộ',
        kind: 'cell',
        parentId: province,
        effectiveDate: '2020-01-01',
      });
      expect(res.body).toMatchObject({ status: 422, ruleId: 'ORG-1' });
      expect(res.body.detail).toEqual(expect.any(String));
    });

    it('refuses a new unit under a district committee from 2025-07-01, naming ORG-6', async () => {
      const res = await http.expectStatus(422, '/api/organizations', {
        name: 'Xã mới',
        kind: 'base_committee',
        parentId: district,
        effectiveDate: '2025-07-01',
      });
      expect(res.body.ruleId).toBe('ORG-6');
    });

    it('lists every invalid field of a malformed body', async () => {
      const res = await http.expectStatus(400, '/api/organizations', {
        name: '',
        kind: 'club',
        effectiveDate: '2024-02-30',
        colour: 'red',
      });
      const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
      expect(fields).toEqual(['colour', 'effectiveDate', 'kind', 'name']);
    });

    it('answers 404 for an unknown parent', async () => {
      await http.expectStatus(404, '/api/organizations', {
        name: 'X',
        kind: 'base_committee',
        parentId: randomUUID(),
        effectiveDate: '2020-01-01',
      });
    });

    it('refuses a body larger than the limit with 413, naming the limit', async () => {
      const res = await http.expectStatus(413, '/api/organizations', {
        name: 'x'.repeat(100_000),
        kind: 'cell',
        effectiveDate: '2020-01-01',
      });
      expect(res.body.detail).toBe('Request bodies are limited to 65536 bytes');
    });

    /** Posts a raw body; the answer must be problem+json with `status`, and the log unchanged. */
    const refusedRaw = async (status: number, contentType: string, body: string) => {
      const before = await t.logSize();
      const res = await request(t.app.getHttpServer())
        .post('/api/organizations')
        .set('content-type', contentType)
        .send(body);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status, instance: '/api/organizations' });
      expect(await t.logSize()).toBe(before);
      return res.body as { title: string; detail: string };
    };

    it('refuses a body that is not JSON with 400, naming the problem', async () => {
      const body = await refusedRaw(400, 'application/json', '{"name": "X", "kind": ');
      expect(body.title).toBe('Invalid input');
      expect(body.detail).toMatch(/not valid JSON/);
    });

    it('refuses a command sent as another media type with 415', async () => {
      const body = await refusedRaw(415, 'text/plain', 'name=X&kind=cell');
      expect(body).toMatchObject({ title: 'Unsupported media type' });
      expect(body.detail).toMatch(/application\/json/);
    });
  });

  describe('Idempotency-Key and If-Match', () => {
    it('returns the first answer for a key seen again with the same body, and 409 with another body', async () => {
      const body = {
        name: 'Đảng bộ phường A',
        kind: 'base_committee',
        parentId: district,
        effectiveDate: '2019-01-01',
      };
      const first = await http.expectStatus(201, '/api/organizations', body, { 'Idempotency-Key': 'est-1' });
      const before = await t.logSize();
      const again = await http.expectStatus(201, '/api/organizations', body, { 'Idempotency-Key': 'est-1' });
      expect(await t.logSize()).toBe(before);
      expect(again.body.position).toBe(first.body.position);
      const res = await http.expectStatus(
        409,
        '/api/organizations',
        { ...body, name: 'Other' },
        { 'Idempotency-Key': 'est-1' },
      );
      expect(res.body.title).toMatch(/Idempotency/);
    });

    it('answers 412 when If-Match names a version that has moved, and 201 when it holds', async () => {
      const org = await http.establish('base_committee', district);
      const rename = (name: string, version: string) =>
        http.expectStatus(
          version === '0' ? 201 : 412,
          `/api/organizations/${org}/renaming`,
          { name, effectiveDate: '2021-01-01' },
          { 'If-Match': version },
        );
      await rename('Tên mới', '0');
      const res = await rename('Tên khác', '0'.replace('0', '5'));
      expect(res.body).toMatchObject({ status: 412, currentVersion: 1 });
    });

    it('decides again on a concurrent change when there is no If-Match', async () => {
      const org = await http.establish('base_committee', district);
      const results = await Promise.all(
        [2021, 2022, 2023, 2024].map((year) =>
          http.post(`/api/organizations/${org}/admission-targets`, {
            year,
            target: 10,
            effectiveDate: `${year}-01-10`,
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(results.map((r) => r.body.version))).toEqual(new Set([1, 2, 3, 4]));
    });
  });

  it('records every one of many concurrent meetings in one cell: a concurrent change is retried, not reported', async () => {
    const cell = await http.establish('cell', await http.establish('base_committee', district));
    const statuses: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < 64) {
          const day = String(1 + (next++ % 28)).padStart(2, '0');
          const res = await http.post(`/api/organizations/${cell}/meetings`, {
            meetingKind: 'regular',
            heldOn: `2024-03-${day}`,
            expected: 10,
            present: 9,
          });
          statuses.push(res.status);
        }
      }),
    );
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    const history = await http.get(`/api/organizations/${cell}/history`).expect(200);
    expect(history.body.events ?? history.body).toHaveLength(65);
  });

  describe('moves, mergers and dissolution', () => {
    it('moves a commune under the province and merges two communes, moving their cells in one append', async () => {
      const a = await http.establish('base_committee', district, '2015-01-01');
      const b = await http.establish('base_committee', district, '2015-01-01');
      const cellA = await http.establish('cell', a, '2015-02-01');
      await http.expectStatus(201, `/api/organizations/${a}/moves`, {
        newParentId: province,
        effectiveDate: '2025-07-01',
      });
      await http.expectStatus(201, `/api/organizations/${b}/moves`, {
        newParentId: province,
        effectiveDate: '2025-07-01',
      });
      const merged = await http.expectStatus(201, `/api/organizations/${a}/mergers`, {
        intoId: b,
        effectiveDate: '2025-07-01',
        decisionRef: '01-QĐ/TU',
      });
      const cell = await http.get(`/api/organizations/${cellA}`).expect(200);
      expect(cell.body.parentId).toBe(b);
      const history = await http.get(`/api/organizations/${cellA}/history`).expect(200);
      const moved = history.body[history.body.length - 1];
      expect(moved).toMatchObject({
        type: 'OrganizationMoved',
        position: merged.body.position,
        decisionRef: '01-QĐ/TU',
      });
      expect(moved.causationId).toEqual(expect.any(String));
      const before = await http.get(`/api/organizations/${cellA}?asOf=2025-06-30`).expect(200);
      expect(before.body.parentId).toBe(a);
    });

    it('refuses to dissolve an organization that still has sub-organizations', async () => {
      const commune = await http.establish('base_committee', district);
      await http.establish('cell', commune);
      const res = await http.expectStatus(422, `/api/organizations/${commune}/dissolution`, {
        effectiveDate: '2024-01-01',
      });
      expect(res.body.ruleId).toBe('ORG-DISSOLVE-NONEMPTY');
    });

    it('dissolves an empty organization', async () => {
      const commune = await http.establish('base_committee', district);
      await http.expectStatus(201, `/api/organizations/${commune}/dissolution`, {
        effectiveDate: '2024-01-01',
      });
      expect((await http.get(`/api/organizations/${commune}`).expect(200)).body.status).toBe('dissolved');
    });
  });

  describe('assessments, meetings and targets', () => {
    it('rates a year once (ASM-ONCE-PER-YEAR) and records meetings', async () => {
      const cell = await http.establish('base_cell', district, '2018-01-01');
      await http.expectStatus(201, `/api/organizations/${cell}/assessments`, { year: 2023, rating: 'good' });
      const res = await http.expectStatus(422, `/api/organizations/${cell}/assessments`, {
        year: 2023,
        rating: 'excellent',
      });
      expect(res.body.ruleId).toBe('ASM-ONCE-PER-YEAR');
      await http.expectStatus(201, `/api/organizations/${cell}/assessments`, {
        year: 2024,
        rating: 'excellent',
      });
      // The state keeps its ratings as a list; the API shows them by year.
      const org = await http.get(`/api/organizations/${cell}`).expect(200);
      expect(org.body.ratings).toEqual({ 2023: 'good', 2024: 'excellent' });
      await http.expectStatus(201, `/api/organizations/${cell}/meetings`, {
        meetingKind: 'regular',
        heldOn: '2024-03-05',
        expected: 20,
        present: 18,
      });
      await http.expectStatus(400, `/api/organizations/${cell}/meetings`, {
        meetingKind: 'regular',
        heldOn: '2024-03-05',
        expected: -1,
        present: 18,
      });
    });
  });

  describe('GET /api/organizations/:id', () => {
    it('answers 404 for an unknown id and 400 for one that is not a uuid', async () => {
      await http.get(`/api/organizations/${randomUUID()}`).expect(404);
      const res = await http.get('/api/organizations/not-a-uuid').expect(400);
      expect(res.body.errors).toEqual([{ field: 'id', messages: ['id must be a uuid'] }]);
    });

    it('answers a path with a trailing slash as the path without it', async () => {
      const res = await http.get(`/api/organizations/${district}/`).expect(200);
      expect(res.body).toMatchObject({ id: district });
    });
  });
});

describe('malformed JSON', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());
  it('answers 400 problem+json for a body that is not JSON', async () => {
    const request = (await import('supertest')).default;
    const res = await request(t.app.getHttpServer())
      .post('/api/organizations')
      .set('Content-Type', 'application/json')
      .send('{"name": ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await t.logSize()).toBe(0);
  });
});

describe('fixes found in review', () => {
  let t: TestApp;
  let http: ReturnType<typeof client>;
  beforeAll(async () => {
    t = await createTestApp();
    http = client(t);
  });
  afterAll(() => t.close());

  it('answers a repeated create without id with the id of the first', async () => {
    const body = { name: 'Tỉnh ủy Phú Thọ', kind: 'provincial_committee', effectiveDate: '2000-01-01' };
    const first = await http.expectStatus(201, '/api/organizations', body, {
      'Idempotency-Key': 'create-once',
    });
    const again = await http.expectStatus(201, '/api/organizations', body, {
      'Idempotency-Key': 'create-once',
    });
    expect(again.body).toEqual(first.body);
  });

  it('moves the candidates of a merged cell, but not a member only on the way to it', async () => {
    const province = await http.establish('provincial_committee', undefined, '2000-01-01');
    const commune = await http.establish('base_committee', province, '2000-01-01');
    const [cellA, cellB, cellC] = [
      await http.establish('cell', commune, '2000-01-01'),
      await http.establish('cell', commune, '2000-01-01'),
      await http.establish('cell', commune, '2000-01-01'),
    ];
    const official = async (cellId: string) =>
      (
        await http.expectStatus(201, '/api/members/existing', {
          fullName: 'Nguyễn Văn Bốn',
          birthDate: '1970-01-01',
          cellId,
          admittedOn: '2000-01-01',
          officialOn: '2001-01-01',
          effectiveDate: '2001-01-01',
        })
      ).body.id as string;
    const resident = await official(cellA);
    const traveller = await official(cellC);
    await http.expectStatus(201, `/api/members/${traveller}/transfers`, {
      toCellId: cellA,
      kind: 'official',
      effectiveDate: '2024-01-10',
    });
    const candidate = (
      await http.expectStatus(201, '/api/members', {
        fullName: 'Lê Thị Năm',
        birthDate: '2001-02-03',
        cellId: cellA,
        effectiveDate: '2024-01-05',
      })
    ).body.id as string;
    await http.expectStatus(201, `/api/organizations/${cellA}/mergers`, {
      intoId: cellB,
      effectiveDate: '2024-02-01',
    });
    const cellOf = async (id: string) => (await http.get(`/api/members/${id}`).expect(200)).body.cellId;
    expect(await cellOf(resident)).toBe(cellB);
    expect(await cellOf(candidate)).toBe(cellB);
    expect(await cellOf(traveller)).toBe(cellC);
  });
});

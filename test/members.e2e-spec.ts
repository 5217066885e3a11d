import { randomUUID } from 'node:crypto';
import { client } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/** Today where the ledger is kept, as the app's clock reads it. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

const fieldsOf = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field).sort();

describe('members over HTTP', () => {
  let t: TestApp;
  let http: ReturnType<typeof client>;
  let commune: string;
  /** A cell with three official members (a, b, c), enough for every vote (PRB-7). */
  let cell: string;
  let otherCell: string;
  let a: string;
  let b: string;

  const member = (id: string, suffix = '') => `/api/members/${id}${suffix}`;

  /** An official member from paper records: admitted 1995-05-19, official 1996-05-19. */
  const registered = async (cellId: string, over: object = {}) =>
    (
      await http.expectStatus(201, '/api/members/existing', {
        fullName: 'Trần Văn Bình',
        birthDate: '1970-01-15',
        cellId,
        admittedOn: '1995-05-19',
        officialOn: '1996-05-19',
        effectiveDate: '2020-01-01',
        ...over,
      })
    ).body.id as string;

  /** A candidate born 2000-05-10, nominated 2023-01-10. */
  const nominated = async (cellId = cell, over: object = {}) =>
    (
      await http.expectStatus(201, '/api/members', {
        fullName: 'Nguyễn Thị Hoa',
        birthDate: '2000-05-10',
        cellId,
        effectiveDate: '2023-01-10',
        ...over,
      })
    ).body.id as string;

  /** A probationer: decision 2023-03-01, ceremony 2023-03-20, introduced by a and b. */
  const probationer = async () => {
    const id = await nominated();
    await http.expectStatus(201, member(id, '/admission'), {
      effectiveDate: '2023-03-20',
      decisionDate: '2023-03-01',
      decisionRef: '45-QĐ/ĐU',
      introducerIds: [a, b],
    });
    return id;
  };

  /**
   * The refusals every command shares: a date that is not on the calendar and an unknown field are
   * 400 naming the field, an unknown member is 404 — each leaving the log as it was.
   */
  const refusesMalformedAndUnknown = (
    path: (memberId: string) => string,
    valid: () => Promise<{ memberId: string; body: Record<string, unknown> }>,
    dateField = 'effectiveDate',
  ) => {
    it(`answers 400 listing ${dateField} when it is not a calendar date`, async () => {
      const { memberId, body } = await valid();
      const res = await http.expectStatus(400, path(memberId), { ...body, [dateField]: '2024-02-30' });
      expect(fieldsOf(res.body)).toEqual([dateField]);
    });

    it('answers 400 listing a field it does not know', async () => {
      const { memberId, body } = await valid();
      const res = await http.expectStatus(400, path(memberId), { ...body, colour: 'red' });
      expect(fieldsOf(res.body)).toEqual(['colour']);
    });

    it('answers 404 for an unknown member', async () => {
      const { body } = await valid();
      const res = await http.expectStatus(404, path(randomUUID()), body);
      expect(res.body.entity).toBe('member');
    });
  };

  beforeAll(async () => {
    t = await createTestApp();
    http = client(t);
    const province = await http.establish('provincial_committee', undefined, '2010-01-01', 'Tỉnh ủy Phú Thọ');
    const district = await http.establish('district_committee', province, '2010-01-01', 'Huyện ủy Thanh Ba');
    commune = await http.establish('base_committee', district, '2015-01-01', 'Đảng bộ xã Thanh Hà');
    cell = await http.establish('cell', commune, '2015-02-01', 'Chi bộ thôn 1');
    otherCell = await http.establish('cell', commune, '2015-02-01', 'Chi bộ thôn 2');
    a = await registered(cell, { fullName: 'Trần Văn Bình' });
    b = await registered(cell, { fullName: 'Lê Thị Mai' });
    await registered(cell, { fullName: 'Phạm Văn Đức' });
  });
  afterAll(() => t.close());

  describe('the story: from nomination to official membership', () => {
    let storyCell: string;
    let introducers: string[];
    let hoa: string;

    it('establishes province → district → base committee → cell, and registers two members from records', async () => {
      const province = await http.establish('provincial_committee', undefined, '2010-01-01');
      const district = await http.establish('district_committee', province, '2010-01-01');
      const base = await http.establish('base_committee', district, '2015-01-01');
      storyCell = await http.establish('cell', base, '2015-02-01', 'Chi bộ thôn Đồng Xuân');
      introducers = [
        await registered(storyCell, { fullName: 'Hoàng Văn Nam' }),
        await registered(storyCell, { fullName: 'Đỗ Thị Lan' }),
      ];
      const got = await http.get(member(introducers[0])).expect(200);
      expect(got.body).toMatchObject({
        status: 'official',
        cellId: storyCell,
        officialSince: '1996-05-19',
        admission: { decisionDate: '1995-05-19', ceremonyDate: '1995-05-19', fromRecords: true },
      });
    });

    it('nominates a candidate born 2000-05-10 and admits her with the two introducers', async () => {
      hoa = await nominated(storyCell);
      const res = await http.expectStatus(201, member(hoa, '/admission'), {
        effectiveDate: '2023-03-20',
        decisionDate: '2023-03-01',
        decisionRef: '45-QĐ/ĐU',
        introducerIds: introducers,
      });
      expect(res.body).toEqual({ id: hoa, version: 1, position: expect.any(Number) });
      const got = await http.get(member(hoa)).expect(200);
      expect(got.body).toMatchObject({
        status: 'probationary',
        fullName: 'Nguyễn Thị Hoa',
        admission: { decisionDate: '2023-03-01', ceremonyDate: '2023-03-20', fromRecords: false },
      });
    });

    it('refuses recognition before the 12 months of probation (PRB-1)', async () => {
      const res = await http.expectStatus(422, member(hoa, '/official-recognition'), {
        effectiveDate: '2024-03-19',
        decisionRef: '78-QĐ/ĐU',
      });
      expect(res.body).toMatchObject({ status: 422, ruleId: 'PRB-1' });
    });

    it('refuses recognition while the cell has fewer than 3 official members (PRB-7)', async () => {
      const res = await http.expectStatus(422, member(hoa, '/official-recognition'), {
        effectiveDate: '2024-05-15',
        decisionRef: '78-QĐ/ĐU',
      });
      expect(res.body.ruleId).toBe('PRB-7');
    });

    it('makes her official from the end of probation although decided late (PRB-4)', async () => {
      await registered(storyCell, { fullName: 'Vũ Văn Hải' });
      await http.expectStatus(
        201,
        member(hoa, '/official-recognition'),
        { effectiveDate: '2024-05-15', decisionRef: '78-QĐ/ĐU' },
        { 'X-Actor': 'ban-to-chuc-huyen-uy' },
      );
      const before = await http.get(member(hoa, '?asOf=2024-03-19')).expect(200);
      expect(before.body).toMatchObject({ status: 'probationary', asOf: '2024-03-19' });
      const after = await http.get(member(hoa, '?asOf=2024-03-20')).expect(200);
      expect(after.body).toMatchObject({ status: 'official', officialSince: '2024-03-20' });
      const later = await http.get(member(hoa, '?asOf=2025-03-01')).expect(200);
      expect(later.body.partyAge).toEqual({ years: 2, months: 0, totalMonths: 24 });
      expect(later.body.badgesDue).toEqual([]);
    });

    it('answers 404 as of a date before the nomination', async () => {
      await http.get(member(hoa, '?asOf=2023-01-09')).expect(404);
    });

    it('shows every event in the history with both dates, decision numbers and actor', async () => {
      const res = await http.get(member(hoa, '/history')).expect(200);
      expect(res.body.map((e: { type: string }) => e.type)).toEqual([
        'CandidateNominated',
        'MemberAdmitted',
        'MembershipMadeOfficial',
      ]);
      const [, admitted, official] = res.body;
      expect(admitted).toMatchObject({
        effectiveDate: '2023-03-20',
        decisionRef: '45-QĐ/ĐU',
        data: { decisionDate: '2023-03-01', introducerIds: introducers, regulation: 'QĐ24' },
      });
      expect(official).toMatchObject({
        effectiveDate: '2024-03-20',
        decisionRef: '78-QĐ/ĐU',
        actor: 'ban-to-chuc-huyen-uy',
        data: { decidedOn: '2024-05-15' },
      });
      expect(Date.parse(official.recordedAt)).not.toBeNaN();
    });
  });

  describe('POST /api/members', () => {
    it('nominates a candidate in the cell', async () => {
      const id = randomUUID();
      const res = await http.expectStatus(201, '/api/members', {
        id,
        fullName: 'Nguyễn Thị Hoa'.normalize('NFD'),
        birthDate: '2000-05-10',
        cellId: cell,
        effectiveDate: '2023-01-10',
      });
      expect(res.body).toEqual({ id, version: 0, position: expect.any(Number) });
      const got = await http.get(member(id)).expect(200);
      expect(got.body).toMatchObject({
        status: 'candidate',
        fullName: 'Nguyễn Thị Hoa'.normalize('NFC'),
        cellId: cell,
        nominatedOn: '2023-01-10',
        partyAge: null,
      });
    });

    it('answers a repeated Idempotency-Key with the id it generated the first time', async () => {
      const body = {
        fullName: 'Bùi Văn Tú',
        birthDate: '1999-01-01',
        cellId: cell,
        effectiveDate: '2023-01-10',
      };
      const first = await http.expectStatus(201, '/api/members', body, { 'Idempotency-Key': 'nominate-tu' });
      const size = await t.logSize();
      const again = await http.expectStatus(201, '/api/members', body, { 'Idempotency-Key': 'nominate-tu' });
      expect(again.body).toEqual(first.body);
      expect(await t.logSize()).toBe(size);
    });

    it('answers 400 listing every invalid field', async () => {
      const res = await http.expectStatus(400, '/api/members', {
        fullName: '',
        birthDate: '2024-02-30',
        cellId: 'cell-1',
        effectiveDate: '2023-01-10',
        colour: 'red',
      });
      expect(fieldsOf(res.body)).toEqual(['birthDate', 'cellId', 'colour', 'fullName']);
    });

    it('answers 404 for an unknown cell', async () => {
      const res = await http.expectStatus(404, '/api/members', {
        fullName: 'Nguyễn Văn An',
        birthDate: '2000-01-01',
        cellId: randomUUID(),
        effectiveDate: '2023-01-10',
      });
      expect(res.body.entity).toBe('organization');
    });

    it('refuses a base committee as the cell (MEMBER-CELL)', async () => {
      const res = await http.expectStatus(422, '/api/members', {
        fullName: 'Nguyễn Văn An',
        birthDate: '2000-01-01',
        cellId: commune,
        effectiveDate: '2023-01-10',
      });
      expect(res.body.ruleId).toBe('MEMBER-CELL');
    });

    it('refuses an id already on the ledger (MEMBER-EXISTS)', async () => {
      const res = await http.expectStatus(422, '/api/members', {
        id: a,
        fullName: 'Nguyễn Văn An',
        birthDate: '2000-01-01',
        cellId: cell,
        effectiveDate: '2023-01-10',
      });
      expect(res.body.ruleId).toBe('MEMBER-EXISTS');
    });
  });

  describe('POST /api/members/existing', () => {
    it('registers an official member from paper records', async () => {
      const id = await registered(otherCell, { fullName: 'Ngô Văn Thành' });
      const got = await http.get(member(id, '?asOf=2025-06-01')).expect(200);
      expect(got.body).toMatchObject({ status: 'official', cellId: otherCell, officialSince: '1996-05-19' });
      expect(got.body.partyAge).toMatchObject({ years: 30 });
      expect(got.body.badgesDue).toEqual([30]);
    });

    it('answers 400 listing a date that is not on the calendar and a field it does not know', async () => {
      const res = await http.expectStatus(400, '/api/members/existing', {
        fullName: 'Ngô Văn Thành',
        birthDate: '1970-01-15',
        cellId: cell,
        admittedOn: '1995-05-19',
        officialOn: '2023-02-29',
        effectiveDate: '2020-01-01',
        partyCard: '36.0001',
      });
      expect(fieldsOf(res.body)).toEqual(['officialOn', 'partyCard']);
    });

    it('answers 404 for an unknown cell', async () => {
      await http.expectStatus(404, '/api/members/existing', {
        fullName: 'Ngô Văn Thành',
        birthDate: '1970-01-15',
        cellId: randomUUID(),
        admittedOn: '1995-05-19',
        effectiveDate: '2020-01-01',
      });
    });

    it('refuses official status before 12 months of probation (PRB-1)', async () => {
      const res = await http.expectStatus(422, '/api/members/existing', {
        fullName: 'Ngô Văn Thành',
        birthDate: '1970-01-15',
        cellId: cell,
        admittedOn: '1995-05-19',
        officialOn: '1996-01-01',
        effectiveDate: '2020-01-01',
      });
      expect(res.body.ruleId).toBe('PRB-1');
    });
  });

  describe('POST /api/members/:id/admission', () => {
    const body = () => ({
      effectiveDate: '2023-03-20',
      decisionDate: '2023-03-01',
      decisionRef: '45-QĐ/ĐU',
      introducerIds: [a, b],
    });

    it('admits a candidate, decided by the base organization of the cell unless named', async () => {
      const id = await nominated();
      await http.expectStatus(201, member(id, '/admission'), body());
      const history = await http.get(member(id, '/history')).expect(200);
      expect(history.body[1]).toMatchObject({
        type: 'MemberAdmitted',
        effectiveDate: '2023-03-20',
        data: { cellId: cell, decidedBy: commune, ceremonyDate: '2023-03-20', decisionDate: '2023-03-01' },
      });
    });

    it('takes the decision date from the ceremony when absent', async () => {
      const id = await nominated();
      const { decisionDate: _omitted, ...rest } = body();
      await http.expectStatus(201, member(id, '/admission'), rest);
      const got = await http.get(member(id)).expect(200);
      expect(got.body.admission).toMatchObject({ decisionDate: '2023-03-20', ceremonyDate: '2023-03-20' });
    });

    it('refuses with one introducer (ADM-5)', async () => {
      const id = await nominated();
      const res = await http.expectStatus(422, member(id, '/admission'), { ...body(), introducerIds: [a] });
      expect(res.body.ruleId).toBe('ADM-5');
    });

    it('refuses a candidate under 18 when the cell considers (ADM-1)', async () => {
      const id = await nominated(cell, { birthDate: '2005-06-01' });
      const res = await http.expectStatus(422, member(id, '/admission'), body());
      expect(res.body.ruleId).toBe('ADM-1');
    });

    it('answers 404 for an unknown introducer, and for an unknown deciding organization', async () => {
      const id = await nominated();
      const unknown = await http.expectStatus(404, member(id, '/admission'), {
        ...body(),
        introducerIds: [a, randomUUID()],
      });
      expect(unknown.body.entity).toBe('member');
      const org = await http.expectStatus(404, member(id, '/admission'), {
        ...body(),
        decidedBy: randomUUID(),
      });
      expect(org.body.entity).toBe('organization');
    });

    it('answers 412 when If-Match names a version that has moved', async () => {
      const id = await nominated();
      const res = await http.expectStatus(412, member(id, '/admission'), body(), { 'If-Match': '3' });
      expect(res.body.currentVersion).toBe(0);
      await http.expectStatus(201, member(id, '/admission'), body(), { 'If-Match': '0' });
    });

    refusesMalformedAndUnknown(
      (id) => member(id, '/admission'),
      async () => ({ memberId: await nominated(), body: body() }),
      'decisionDate',
    );
  });

  describe('POST /api/members/:id/official-recognition', () => {
    const body = { effectiveDate: '2024-04-02', decisionRef: '78-QĐ/ĐU' };

    it('makes a probationer official from the end of probation', async () => {
      const id = await probationer();
      await http.expectStatus(201, member(id, '/official-recognition'), body);
      const got = await http.get(member(id)).expect(200);
      expect(got.body).toMatchObject({ status: 'official', officialSince: '2024-03-20' });
    });

    it('refuses a member who is already official (MEMBER-STATE)', async () => {
      const res = await http.expectStatus(422, member(a, '/official-recognition'), body);
      expect(res.body.ruleId).toBe('MEMBER-STATE');
    });

    refusesMalformedAndUnknown(
      (id) => member(id, '/official-recognition'),
      async () => ({ memberId: await probationer(), body }),
    );
  });

  describe('POST /api/members/:id/probation-failure', () => {
    const body = { effectiveDate: '2024-03-25', decisionRef: '80-QĐ/ĐU' };

    it('removes the name of a probationer found unfit', async () => {
      const id = await probationer();
      await http.expectStatus(201, member(id, '/probation-failure'), body);
      const got = await http.get(member(id)).expect(200);
      expect(got.body).toMatchObject({
        status: 'left',
        departure: { how: 'removed', on: '2024-03-25', reason: 'probation_failed' },
      });
    });

    it('refuses an official member (PRB-3)', async () => {
      const res = await http.expectStatus(422, member(a, '/probation-failure'), body);
      expect(res.body.ruleId).toBe('PRB-3');
    });

    refusesMalformedAndUnknown(
      (id) => member(id, '/probation-failure'),
      async () => ({ memberId: await probationer(), body }),
    );
  });

  describe('POST /api/members/:id/transfers', () => {
    const body = () => ({ toCellId: otherCell, kind: 'official', effectiveDate: '2024-09-01' });

    it('starts a transfer and answers its transferId', async () => {
      const id = await registered(cell);
      const res = await http.expectStatus(201, member(id, '/transfers'), body());
      expect(res.body).toEqual({
        id,
        version: 1,
        position: expect.any(Number),
        transferId: expect.any(String),
      });
      const got = await http.get(member(id)).expect(200);
      expect(got.body.transfer).toMatchObject({
        transferId: res.body.transferId,
        kind: 'official',
        fromCellId: cell,
        toCellId: otherCell,
        startedOn: '2024-09-01',
      });
    });

    it('answers a repeated Idempotency-Key with the same transferId', async () => {
      const id = await registered(cell);
      const first = await http.expectStatus(201, member(id, '/transfers'), body(), { 'Idempotency-Key': id });
      const again = await http.expectStatus(201, member(id, '/transfers'), body(), { 'Idempotency-Key': id });
      expect(again.body).toEqual(first.body);
    });

    it('refuses a transfer to the cell the member is in (MEMBER-CELL)', async () => {
      const id = await registered(cell);
      const res = await http.expectStatus(422, member(id, '/transfers'), { ...body(), toCellId: cell });
      expect(res.body.ruleId).toBe('MEMBER-CELL');
    });

    it('refuses a planned return on an official transfer (TRF-5)', async () => {
      const id = await registered(cell);
      const res = await http.expectStatus(422, member(id, '/transfers'), {
        ...body(),
        expectedReturnOn: '2025-03-01',
      });
      expect(res.body.ruleId).toBe('TRF-5');
    });

    it('answers 404 for an unknown receiving cell, and 400 for a kind that does not exist', async () => {
      const id = await registered(cell);
      await http.expectStatus(404, member(id, '/transfers'), { ...body(), toCellId: randomUUID() });
      const res = await http.expectStatus(400, member(id, '/transfers'), { ...body(), kind: 'permanent' });
      expect(fieldsOf(res.body)).toEqual(['kind']);
    });

    refusesMalformedAndUnknown(
      (id) => member(id, '/transfers'),
      async () => ({ memberId: await registered(cell), body: body() }),
    );
  });

  describe('POST /api/members/:id/transfers/:transferId/arrival', () => {
    const started = async (kind = 'official') => {
      const id = await registered(cell);
      const res = await http.expectStatus(201, member(id, '/transfers'), {
        toCellId: otherCell,
        kind,
        effectiveDate: '2024-09-01',
      });
      return { id, transferId: res.body.transferId as string };
    };

    it('registers the member in the receiving cell on arrival', async () => {
      const { id, transferId } = await started();
      await http.expectStatus(201, member(id, `/transfers/${transferId}/arrival`), {
        effectiveDate: '2024-09-20',
      });
      const got = await http.get(member(id)).expect(200);
      expect(got.body).toMatchObject({ cellId: otherCell });
      expect(got.body.transfer).toBeUndefined();
    });

    it('records a late arrival as late, with its reason (TRF-4)', async () => {
      const { id, transferId } = await started();
      await http.expectStatus(201, member(id, `/transfers/${transferId}/arrival`), {
        effectiveDate: '2024-12-02',
        lateReason: 'Chờ quyết định nghỉ hưu của cơ quan cũ',
      });
      const history = await http.get(member(id, '/history')).expect(200);
      expect(history.body.at(-1).data).toMatchObject({
        late: true,
        lateReason: 'Chờ quyết định nghỉ hưu của cơ quan cũ',
      });
    });

    it('refuses a second arrival (MEMBER-STATE)', async () => {
      const { id, transferId } = await started('temporary');
      const path = member(id, `/transfers/${transferId}/arrival`);
      await http.expectStatus(201, path, { effectiveDate: '2024-09-20' });
      const res = await http.expectStatus(422, path, { effectiveDate: '2024-09-21' });
      expect(res.body.ruleId).toBe('MEMBER-STATE');
    });

    it('answers 404 for a transfer the member never started', async () => {
      const { id } = await started();
      const res = await http.expectStatus(404, member(id, `/transfers/${randomUUID()}/arrival`), {
        effectiveDate: '2024-09-20',
      });
      expect(res.body.entity).toBe('transfer');
    });

    refusesMalformedAndUnknown(
      (id) => member(id, `/transfers/${randomUUID()}/arrival`),
      async () => ({ memberId: (await started()).id, body: { effectiveDate: '2024-09-20' } }),
    );
  });

  describe('POST /api/members/:id/transfers/:transferId/return', () => {
    const temporary = async () => {
      const id = await registered(cell);
      const res = await http.expectStatus(201, member(id, '/transfers'), {
        toCellId: otherCell,
        kind: 'temporary',
        effectiveDate: '2024-09-01',
        expectedReturnOn: '2025-03-01',
      });
      return { id, transferId: res.body.transferId as string };
    };

    it('brings a member back from a temporary transfer', async () => {
      const { id, transferId } = await temporary();
      await http.expectStatus(201, member(id, `/transfers/${transferId}/arrival`), {
        effectiveDate: '2024-09-10',
      });
      await http.expectStatus(201, member(id, `/transfers/${transferId}/return`), {
        effectiveDate: '2025-03-01',
      });
      const got = await http.get(member(id)).expect(200);
      expect(got.body.cellId).toBe(cell);
      expect(got.body.transfer).toBeUndefined();
    });

    it('refuses a return from an official transfer (MEMBER-STATE)', async () => {
      const id = await registered(cell);
      const started = await http.expectStatus(201, member(id, '/transfers'), {
        toCellId: otherCell,
        kind: 'official',
        effectiveDate: '2024-09-01',
      });
      const res = await http.expectStatus(422, member(id, `/transfers/${started.body.transferId}/return`), {
        effectiveDate: '2024-10-01',
      });
      expect(res.body.ruleId).toBe('MEMBER-STATE');
    });

    it('answers 404 for a transfer the member never started', async () => {
      const { id } = await temporary();
      await http.expectStatus(404, member(id, `/transfers/${randomUUID()}/return`), {
        effectiveDate: '2025-03-01',
      });
    });

    refusesMalformedAndUnknown(
      (id) => member(id, `/transfers/${randomUUID()}/return`),
      async () => ({ memberId: (await temporary()).id, body: { effectiveDate: '2025-03-01' } }),
    );
  });

  describe('POST /api/members/:id/exemptions', () => {
    const body = { reason: 'old_or_weak', effectiveDate: '2025-01-15' };

    it('exempts a member from work and activities', async () => {
      const id = await registered(cell);
      await http.expectStatus(201, member(id, '/exemptions'), body);
      const got = await http.get(member(id)).expect(200);
      expect(got.body.exemption).toEqual({ reason: 'old_or_weak', since: '2025-01-15' });
    });

    it('refuses an exemption for treatment without a duration (EXM-2)', async () => {
      const id = await registered(cell);
      const res = await http.expectStatus(422, member(id, '/exemptions'), {
        ...body,
        reason: 'medical_treatment',
      });
      expect(res.body.ruleId).toBe('EXM-2');
    });

    refusesMalformedAndUnknown(
      (id) => member(id, '/exemptions'),
      async () => ({ memberId: await registered(cell), body: { ...body, until: '2025-12-31' } }),
      'until',
    );
  });

  describe('POST /api/members/:id/exemption-end', () => {
    const exempted = async () => {
      const id = await registered(cell);
      await http.expectStatus(201, member(id, '/exemptions'), {
        reason: 'medical_treatment',
        until: '2025-12-31',
        effectiveDate: '2025-01-15',
      });
      return id;
    };

    it('ends an exemption', async () => {
      const id = await exempted();
      await http.expectStatus(201, member(id, '/exemption-end'), { effectiveDate: '2025-06-01' });
      expect((await http.get(member(id)).expect(200)).body.exemption).toBeUndefined();
    });

    it('refuses to end an exemption that is not running (MEMBER-STATE)', async () => {
      const res = await http.expectStatus(422, member(a, '/exemption-end'), { effectiveDate: '2025-06-01' });
      expect(res.body.ruleId).toBe('MEMBER-STATE');
    });

    refusesMalformedAndUnknown(
      (id) => member(id, '/exemption-end'),
      async () => ({ memberId: await exempted(), body: { effectiveDate: '2025-06-01' } }),
    );
  });

  describe('POST /api/members/:id/assessments', () => {
    it('rates a year, dated 31 December unless told otherwise', async () => {
      const id = await registered(cell);
      await http.expectStatus(201, member(id, '/assessments'), { year: 2024, rating: 'good' });
      const history = await http.get(member(id, '/history')).expect(200);
      expect(history.body.at(-1)).toMatchObject({
        type: 'MemberAssessed',
        effectiveDate: '2024-12-31',
        data: { year: 2024, rating: 'good' },
      });
      // The state keeps its ratings as a list; the API shows them by year.
      expect((await http.get(member(id, '')).expect(200)).body.ratings).toEqual({ 2024: 'good' });
    });

    it('dates a rating of the running year today', async () => {
      const id = await registered(cell);
      const year = Number(today().slice(0, 4));
      await http.expectStatus(201, member(id, '/assessments'), { year, rating: 'excellent' });
      const history = await http.get(member(id, '/history')).expect(200);
      expect(history.body.at(-1).effectiveDate).toBe(today());
    });

    it('rates a year once (ASM-ONCE-PER-YEAR)', async () => {
      const id = await registered(cell);
      await http.expectStatus(201, member(id, '/assessments'), { year: 2023, rating: 'good' });
      const res = await http.expectStatus(422, member(id, '/assessments'), {
        year: 2023,
        rating: 'excellent',
      });
      expect(res.body.ruleId).toBe('ASM-ONCE-PER-YEAR');
    });

    it('answers 400 for a rating that does not exist', async () => {
      const res = await http.expectStatus(400, member(a, '/assessments'), { year: 2023, rating: 'average' });
      expect(fieldsOf(res.body)).toEqual(['rating']);
    });

    refusesMalformedAndUnknown(
      (id) => member(id, '/assessments'),
      async () => ({
        memberId: await registered(cell),
        body: { year: 2022, rating: 'good', effectiveDate: '2023-01-10' },
      }),
    );
  });

  describe('POST /api/members/:id/name-removal', () => {
    const body = { reason: 'abandoned_activity', effectiveDate: '2025-03-10', decisionRef: '15-QĐ/ĐU' };

    it('removes the name on a REM-1 ground', async () => {
      const id = await registered(cell);
      await http.expectStatus(201, member(id, '/name-removal'), body);
      const got = await http.get(member(id)).expect(200);
      expect(got.body).toMatchObject({
        status: 'left',
        departure: { how: 'removed', reason: 'abandoned_activity', on: '2025-03-10' },
      });
      const history = await http.get(member(id, '/history')).expect(200);
      expect(history.body.at(-1).decisionRef).toBe('15-QĐ/ĐU');
    });

    it('refuses a candidate, who is not a member (MEMBER-STATE)', async () => {
      const id = await nominated();
      const res = await http.expectStatus(422, member(id, '/name-removal'), body);
      expect(res.body.ruleId).toBe('MEMBER-STATE');
    });

    it('answers 400 for a ground that does not exist', async () => {
      const res = await http.expectStatus(400, member(a, '/name-removal'), { ...body, reason: 'moved_away' });
      expect(fieldsOf(res.body)).toEqual(['reason']);
    });

    refusesMalformedAndUnknown(
      (id) => member(id, '/name-removal'),
      async () => ({ memberId: await registered(cell), body }),
    );
  });

  describe('POST /api/members/:id/exit', () => {
    const body = { effectiveDate: '2025-04-01', decisionRef: '21-QĐ/ĐU' };

    it('lets a member leave at their request', async () => {
      const id = await registered(cell);
      await http.expectStatus(201, member(id, '/exit'), body);
      expect((await http.get(member(id)).expect(200)).body.departure).toEqual({
        how: 'exited',
        on: '2025-04-01',
      });
    });

    it('refuses someone who has already left (MEMBER-STATE)', async () => {
      const id = await registered(cell);
      await http.expectStatus(201, member(id, '/exit'), body);
      const res = await http.expectStatus(422, member(id, '/exit'), { ...body, effectiveDate: '2025-05-01' });
      expect(res.body.ruleId).toBe('MEMBER-STATE');
    });

    refusesMalformedAndUnknown(
      (id) => member(id, '/exit'),
      async () => ({ memberId: await registered(cell), body }),
    );
  });

  describe('POST /api/members/:id/death', () => {
    it("records a member's death", async () => {
      const id = await registered(cell);
      await http.expectStatus(201, member(id, '/death'), { effectiveDate: '2025-02-14' });
      const got = await http.get(member(id, '?asOf=2025-12-31')).expect(200);
      expect(got.body).toMatchObject({ status: 'left', departure: { how: 'died', on: '2025-02-14' } });
      expect(got.body.partyAge).toMatchObject({ years: 29 });
    });

    it('refuses a death dated before the admission (MEMBER-DATE)', async () => {
      const id = await registered(cell);
      const res = await http.expectStatus(422, member(id, '/death'), { effectiveDate: '1990-01-01' });
      expect(res.body.ruleId).toBe('MEMBER-DATE');
    });

    refusesMalformedAndUnknown(
      (id) => member(id, '/death'),
      async () => ({ memberId: await registered(cell), body: { effectiveDate: '2025-02-14' } }),
    );
  });

  describe('POST /api/members/:id/readmission', () => {
    const removed = async (reason = 'no_progress_after_education') => {
      const id = await registered(cell);
      await http.expectStatus(201, member(id, '/name-removal'), { reason, effectiveDate: '2020-01-10' });
      return id;
    };
    const body = () => ({
      cellId: otherCell,
      effectiveDate: '2023-06-20',
      decisionDate: '2023-06-01',
      decisionRef: '60-QĐ/ĐU',
      introducerIds: [a, b],
      provincialConsent: true,
    });

    it('readmits someone who left 36 months before, with full probation', async () => {
      const id = await removed();
      await http.expectStatus(201, member(id, '/readmission'), body());
      const got = await http.get(member(id)).expect(200);
      expect(got.body).toMatchObject({
        status: 'probationary',
        cellId: otherCell,
        admission: { decisionDate: '2023-06-01', ceremonyDate: '2023-06-20' },
        previousMemberships: [{ decisionDate: '1995-05-19', departure: { how: 'removed' } }],
      });
    });

    it("refuses without the provincial standing committee's consent (REM-6)", async () => {
      const id = await removed();
      const res = await http.expectStatus(422, member(id, '/readmission'), {
        ...body(),
        provincialConsent: undefined,
      });
      expect(res.body.ruleId).toBe('REM-6');
    });

    it('never readmits someone removed for abandoning activity (REM-7)', async () => {
      const id = await removed('abandoned_activity');
      const res = await http.expectStatus(422, member(id, '/readmission'), body());
      expect(res.body.ruleId).toBe('REM-7');
    });

    it('answers 404 for an unknown cell', async () => {
      const id = await removed();
      const res = await http.expectStatus(404, member(id, '/readmission'), {
        ...body(),
        cellId: randomUUID(),
      });
      expect(res.body.entity).toBe('organization');
    });

    refusesMalformedAndUnknown(
      (id) => member(id, '/readmission'),
      async () => ({ memberId: await removed(), body: body() }),
    );
  });

  describe('POST /api/members/:id/party-card', () => {
    const body = { cardNumber: '36.072541', effectiveDate: '2024-07-01' };

    it('issues a card to an official member', async () => {
      const id = await registered(cell);
      await http.expectStatus(201, member(id, '/party-card'), body);
      expect((await http.get(member(id)).expect(200)).body.card).toEqual({
        number: '36.072541',
        issuedOn: '2024-07-01',
      });
    });

    it('refuses a card to a probationer (AGE-7)', async () => {
      const id = await probationer();
      const res = await http.expectStatus(422, member(id, '/party-card'), body);
      expect(res.body.ruleId).toBe('AGE-7');
    });

    refusesMalformedAndUnknown(
      (id) => member(id, '/party-card'),
      async () => ({ memberId: await registered(cell), body }),
    );
  });

  describe('POST /api/members/:id/badges', () => {
    const body = { years: 30, effectiveDate: '2025-09-02', decisionRef: '1520-QĐ/TU' };

    it('awards the 30-year badge once it is due', async () => {
      const id = await registered(cell);
      await http.expectStatus(201, member(id, '/badges'), body);
      const got = await http.get(member(id, '?asOf=2025-09-02')).expect(200);
      expect(got.body.badges).toEqual([30]);
      expect(got.body.badgesDue).toEqual([]);
    });

    it('refuses a badge not yet due (AGE-5)', async () => {
      const id = await registered(cell);
      const res = await http.expectStatus(422, member(id, '/badges'), { ...body, years: 40 });
      expect(res.body.ruleId).toBe('AGE-5');
    });

    it('answers 400 for a level that does not exist', async () => {
      const res = await http.expectStatus(400, member(a, '/badges'), { ...body, years: 33 });
      expect(fieldsOf(res.body)).toEqual(['years']);
    });

    refusesMalformedAndUnknown(
      (id) => member(id, '/badges'),
      async () => ({ memberId: await registered(cell), body }),
    );
  });

  describe('POST /api/members/:id/profile', () => {
    const body = { education: '12/12', politicalTheory: 'Trung cấp', effectiveDate: '2024-10-01' };

    it('updates the file, and appends nothing when the body changes nothing', async () => {
      const id = await registered(cell);
      const first = await http.expectStatus(201, member(id, '/profile'), {
        ...body,
        position: 'Bí thư Đoàn xã',
      });
      const size = await t.logSize();
      const again = await http.expectStatus(201, member(id, '/profile'), body);
      expect(again.body).toEqual(first.body);
      expect(await t.logSize()).toBe(size);
      await http.expectStatus(201, member(id, '/profile'), { position: null, effectiveDate: '2024-11-01' });
      expect((await http.get(member(id)).expect(200)).body.profile).toEqual({
        education: '12/12',
        politicalTheory: 'Trung cấp',
      });
    });

    it('refuses a date after today (MEMBER-DATE)', async () => {
      const res = await http.expectStatus(422, member(a, '/profile'), {
        ...body,
        effectiveDate: '2999-01-01',
      });
      expect(res.body.ruleId).toBe('MEMBER-DATE');
    });

    it('answers 400 for an education set to null', async () => {
      const res = await http.expectStatus(400, member(a, '/profile'), { ...body, education: null });
      expect(fieldsOf(res.body)).toEqual(['education']);
    });

    refusesMalformedAndUnknown(
      (id) => member(id, '/profile'),
      async () => ({ memberId: await registered(cell), body }),
    );
  });

  describe('GET /api/members/:id', () => {
    it('answers 404 for an unknown id, 400 for one that is not a uuid, 400 for a bad asOf', async () => {
      await http.get(member(randomUUID())).expect(404);
      const res = await http.get('/api/members/not-a-uuid').expect(400);
      expect(res.body.errors).toEqual([{ field: 'id', messages: ['id must be a uuid'] }]);
      const asOf = await http.get(member(a, '?asOf=2024-02-30')).expect(400);
      expect(fieldsOf(asOf.body)).toEqual(['asOf']);
    });
  });

  describe('GET /api/members/:id/history', () => {
    it('answers 404 for an unknown member', async () => {
      await http.get(member(randomUUID(), '/history')).expect(404);
    });
  });

  describe('POST /api/organizations/:id/mergers on a cell', () => {
    it('reassigns its members to the cell it merges into, caused by the merger', async () => {
      const from = await http.establish('cell', commune, '2015-02-01', 'Chi bộ thôn 3');
      const into = await http.establish('cell', commune, '2015-02-01', 'Chi bộ thôn 4');
      const id = await registered(from);
      const merged = await http.expectStatus(201, `/api/organizations/${from}/mergers`, {
        intoId: into,
        effectiveDate: '2025-07-01',
        decisionRef: '05-QĐ/ĐU',
      });
      expect((await http.get(member(id)).expect(200)).body.cellId).toBe(into);
      expect((await http.get(member(id, '?asOf=2025-06-30')).expect(200)).body.cellId).toBe(from);
      const history = await http.get(member(id, '/history')).expect(200);
      const reassigned = history.body.at(-1);
      expect(reassigned).toMatchObject({
        type: 'MemberReassigned',
        effectiveDate: '2025-07-01',
        position: merged.body.position,
        decisionRef: '05-QĐ/ĐU',
        data: { fromCellId: from, toCellId: into, mergerOf: from },
      });
      const mergerEvent = (await http.get(`/api/organizations/${from}/history`).expect(200)).body.at(-1);
      expect(reassigned.causationId).toBe(mergerEvent.eventId);
    });
  });
});

describe('an idempotent retry of a command that changed nothing', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('returns the first answer and appends nothing, even after someone else changed the member', async () => {
    const http = client(t);
    const province = await http.establish('provincial_committee', undefined, '2000-01-01');
    const commune = await http.establish('base_committee', province, '2000-01-01');
    const cell = await http.establish('cell', commune, '2000-01-01');
    const id = (
      await http.expectStatus(201, '/api/members/existing', {
        fullName: 'Ngô Văn Bảy',
        birthDate: '1970-01-01',
        cellId: cell,
        admittedOn: '2000-01-01',
        officialOn: '2001-01-01',
        effectiveDate: '2001-01-01',
      })
    ).body.id as string;
    await http.expectStatus(201, `/api/members/${id}/profile`, {
      education: '12/12',
      effectiveDate: '2020-01-01',
    });
    const body = { education: '12/12', effectiveDate: '2020-01-01' }; // repeats the file: a no-op
    const first = await http.expectStatus(201, `/api/members/${id}/profile`, body, {
      'Idempotency-Key': 'noop-1',
    });
    await http.expectStatus(201, `/api/members/${id}/profile`, {
      education: 'đại học',
      effectiveDate: '2021-01-01',
    });
    const size = await t.logSize();
    const retry = await http.expectStatus(201, `/api/members/${id}/profile`, body, {
      'Idempotency-Key': 'noop-1',
    });
    expect(retry.body).toEqual(first.body);
    expect(await t.logSize()).toBe(size);
    expect((await http.get(`/api/members/${id}`).expect(200)).body.profile.education).toBe('đại học');
    await http.expectStatus(
      409,
      `/api/members/${id}/profile`,
      { education: 'khác', effectiveDate: '2022-01-01' },
      { 'Idempotency-Key': 'noop-1' },
    );
  });
});

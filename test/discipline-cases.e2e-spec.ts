import { randomUUID } from 'node:crypto';
import { client } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

const fieldsOf = (body: { errors: { field: string }[] }) => body.errors.map((e) => e.field).sort();

interface TraceStep {
  position: number;
  streamId: string;
  type: string;
  eventId: string;
  causationId?: string;
  effectiveDate: string;
  recordedAt: string;
  decisionRef?: string;
  decidedBy?: string;
  decidedByKind?: string;
  actor?: string;
}

describe('discipline cases over HTTP', () => {
  let t: TestApp;
  let http: ReturnType<typeof client>;
  let province: string;
  let district: string;
  /** A base committee (đảng bộ xã) whose inspection committee handles the cases. */
  let commune: string;
  let cell: string;
  let otherCell: string;
  let a: string;
  let b: string;

  const kase = (id: string, suffix = '') => `/api/discipline-cases/${id}${suffix}`;
  const member = (id: string, suffix = '') => `/api/members/${id}${suffix}`;

  /** An official member from paper records: admitted 1995-05-19, official 1996-05-19. */
  const registered = async (cellId = cell, fullName = 'Trần Văn Hùng') =>
    (
      await http.expectStatus(201, '/api/members/existing', {
        fullName,
        birthDate: '1970-01-15',
        cellId,
        admittedOn: '1995-05-19',
        officialOn: '1996-05-19',
        effectiveDate: '2020-01-01',
      })
    ).body.id as string;

  /** A probationer: nominated 2023-01-10, admitted (ceremony) 2023-03-20, introduced by a and b. */
  const probationer = async () => {
    const id = (
      await http.expectStatus(201, '/api/members', {
        fullName: 'Nguyễn Thị Hoa',
        birthDate: '2000-05-10',
        cellId: cell,
        effectiveDate: '2023-01-10',
      })
    ).body.id as string;
    await http.expectStatus(201, member(id, '/admission'), {
      effectiveDate: '2023-03-20',
      decisionDate: '2023-03-01',
      decisionRef: '45-QĐ/ĐU',
      introducerIds: [a, b],
    });
    return id;
  };

  /** Opening by the commune's inspection committee; a breach of 2022-06-01, opened 2023-01-10. */
  const opening = (memberId: string, over: object = {}) => ({
    memberId,
    openedBy: commune,
    openedByKind: 'inspection_committee',
    allegation: 'Vi phạm quy định về những điều đảng viên không được làm',
    violationDate: '2022-06-01',
    effectiveDate: '2023-01-10',
    ...over,
  });
  const opened = async (memberId: string, over: object = {}) =>
    (await http.expectStatus(201, '/api/discipline-cases', opening(memberId, over))).body.id as string;

  /** A decision by the commune's inspection committee. */
  const decision = (over: object = {}) => ({
    form: 'warning',
    decidedBy: commune,
    decidedByKind: 'inspection_committee',
    decisionRef: '12-QĐ/UBKT',
    effectiveDate: '2023-03-01',
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp();
    http = client(t);
    province = await http.establish('provincial_committee', undefined, '2010-01-01', 'Tỉnh ủy Phú Thọ');
    district = await http.establish('district_committee', province, '2010-01-01', 'Huyện ủy Thanh Ba');
    commune = await http.establish('base_committee', district, '2015-01-01', 'Đảng bộ xã Thanh Hà');
    cell = await http.establish('cell', commune, '2015-02-01', 'Chi bộ thôn 1');
    otherCell = await http.establish('cell', commune, '2015-02-01', 'Chi bộ thôn 2');
    a = await registered(cell, 'Lê Văn An');
    b = await registered(cell, 'Phạm Thị Bích');
    await registered(cell, 'Đỗ Văn Cường');
  });
  afterAll(() => t.close());

  describe('the story: a warning, appealed, reduced to a reprimand', () => {
    let storyCommune: string;
    let storyCell: string;
    let hung: string;
    let caseId: string;

    it('opens a case against an official member, by the base committee’s inspection committee', async () => {
      storyCommune = await http.establish('base_committee', district, '2015-01-01', 'Đảng bộ xã Đồng Xuân');
      storyCell = await http.establish('cell', storyCommune, '2015-02-01', 'Chi bộ thôn Đồng Xuân');
      hung = await registered(storyCell);
      const res = await http.expectStatus(
        201,
        '/api/discipline-cases',
        opening(hung, { openedBy: storyCommune }),
        { 'X-Actor': 'ubkt-dang-uy-xa' },
      );
      caseId = res.body.id;
      expect(res.body).toEqual({ id: caseId, version: 0, position: expect.any(Number) });
      const got = await http.get(kase(caseId)).expect(200);
      expect(got.body).toMatchObject({
        status: 'open',
        caseId,
        subject: { kind: 'member', memberId: hung },
        openedBy: storyCommune,
        openedByKind: 'inspection_committee',
        openedOn: '2023-01-10',
        violationDate: '2022-06-01',
        inForce: false,
        formInForce: null,
      });
    });

    it('records the findings of the inspection', async () => {
      const res = await http.expectStatus(201, kase(caseId, '/findings'), {
        findings: 'Đảng viên đã vi phạm; đề nghị hình thức cảnh cáo',
        recordedBy: storyCommune,
        effectiveDate: '2023-02-01',
      });
      expect(res.body.version).toBe(1);
    });

    it('decides a warning, and disciplines the member in the same append', async () => {
      const before = await t.logSize();
      const res = await http.expectStatus(
        201,
        kase(caseId, '/decision'),
        decision({ decidedBy: storyCommune, announcedOn: '2023-03-05', votesFor: 5, membersEntitled: 7 }),
        { 'X-Actor': 'ubkt-dang-uy-xa' },
      );
      expect(res.body).toEqual({ id: caseId, version: 2, position: expect.any(Number) });
      expect(await t.logSize()).toBe(before + 2);
      const got = await http.get(member(hung)).expect(200);
      expect(got.body.status).toBe('official');
      expect(got.body.disciplines).toEqual([
        { caseId, form: 'warning', decidedOn: '2023-03-05', inForceFrom: '2023-03-05' },
      ]);
    });

    it('takes the appeal lodged within 30 days of receiving the decision (APP-1)', async () => {
      await http.expectStatus(201, kase(caseId, '/appeal'), {
        receivedDecisionOn: '2023-03-06',
        effectiveDate: '2023-03-20',
      });
      const got = await http.get(kase(caseId)).expect(200);
      expect(got.body).toMatchObject({
        status: 'appealed',
        appeal: { appealedOn: '2023-03-20', receivedDecisionOn: '2023-03-06', appellant: hung },
        formInForce: 'warning',
        lapsesOn: null,
      });
    });

    it('reduces the warning to a reprimand, and amends the member’s record in the same append', async () => {
      const before = await t.logSize();
      await http.expectStatus(
        201,
        kase(caseId, '/appeal-resolution'),
        {
          outcome: 'reduced',
          newForm: 'reprimand',
          resolvedBy: district,
          resolvedByKind: 'standing_committee',
          decisionRef: '45-QĐ/HU',
          effectiveDate: '2023-05-01',
          announcedOn: '2023-05-05',
        },
        { 'X-Actor': 'ban-thuong-vu-huyen-uy' },
      );
      expect(await t.logSize()).toBe(before + 2);
      const got = await http.get(kase(caseId, '?asOf=2023-06-01')).expect(200);
      expect(got.body).toMatchObject({
        status: 'decided',
        decision: {
          form: 'warning',
          decisionRef: '12-QĐ/UBKT',
          decidedOn: '2023-03-01',
          announcedOn: '2023-03-05',
        },
        appeal: {
          ruling: { outcome: 'reduced', form: 'reprimand', ruledOn: '2023-05-01', announcedOn: '2023-05-05' },
        },
        formInForce: 'reprimand',
        inForce: true,
        lapsesOn: '2024-05-05',
      });
      const now = await http.get(member(hung)).expect(200);
      expect(now.body.disciplines).toEqual([
        { caseId, form: 'reprimand', decidedOn: '2023-03-05', inForceFrom: '2023-05-05' },
      ]);
      const then = await http.get(member(hung, '?asOf=2023-04-01')).expect(200);
      expect(then.body.disciplines).toEqual([expect.objectContaining({ form: 'warning' })]);
    });

    it('traces the case and the member events it caused, in log order', async () => {
      const res = await http.get(kase(caseId, '/trace')).expect(200);
      const steps = res.body as TraceStep[];
      expect(steps.map((s) => s.type)).toEqual([
        'DisciplineCaseOpened',
        'FindingsRecorded',
        'DisciplineDecided',
        'MemberDisciplined',
        'DisciplineAppealed',
        'AppealResolved',
        'DisciplineAmended',
      ]);
      const positions = steps.map((s) => s.position);
      expect(positions).toEqual([...positions].sort((x, y) => x - y));
      const [opened, , decided, disciplined, , resolved, amended] = steps;
      expect(opened).toMatchObject({
        streamId: `discipline-case-${caseId}`,
        effectiveDate: '2023-01-10',
        decidedBy: storyCommune,
        decidedByKind: 'inspection_committee',
        actor: 'ubkt-dang-uy-xa',
      });
      expect(decided).toMatchObject({
        effectiveDate: '2023-03-01',
        decisionRef: '12-QĐ/UBKT',
        decidedBy: storyCommune,
        decidedByKind: 'inspection_committee',
        actor: 'ubkt-dang-uy-xa',
      });
      expect(disciplined).toMatchObject({
        streamId: `member-${hung}`,
        causationId: decided.eventId,
        effectiveDate: '2023-03-05',
        decisionRef: '12-QĐ/UBKT',
        decidedBy: storyCommune,
        decidedByKind: 'inspection_committee',
      });
      expect(resolved).toMatchObject({
        effectiveDate: '2023-05-01',
        decisionRef: '45-QĐ/HU',
        decidedBy: district,
        decidedByKind: 'standing_committee',
        actor: 'ban-thuong-vu-huyen-uy',
      });
      expect(amended).toMatchObject({
        streamId: `member-${hung}`,
        causationId: resolved.eventId,
        effectiveDate: '2023-05-05',
        decisionRef: '45-QĐ/HU',
        decidedBy: district,
        actor: 'ban-thuong-vu-huyen-uy',
      });
      for (const s of steps) expect(Date.parse(s.recordedAt)).not.toBeNaN();
    });

    it('refuses a transfer while the reprimand is in force (DIS-12), and lets it through once lapsed, with no event (DIS-11)', async () => {
      const transfer = (effectiveDate: string) => ({ toCellId: otherCell, kind: 'official', effectiveDate });
      const refused = await http.expectStatus(422, member(hung, '/transfers'), transfer('2024-05-04'));
      expect(refused.body.ruleId).toBe('DIS-12');
      const lastDay = await http.get(kase(caseId, '?asOf=2024-05-04')).expect(200);
      expect(lastDay.body).toMatchObject({ inForce: true, formInForce: 'reprimand' });
      const lapsed = await http.get(kase(caseId, '?asOf=2024-05-05')).expect(200);
      expect(lapsed.body).toMatchObject({ status: 'decided', inForce: false, formInForce: null });
      await http.expectStatus(201, member(hung, '/transfers'), transfer('2024-05-05'));
    });

    it('counts the discipline in the flows by the form decided', async () => {
      const res = await http
        .get(`/api/stats/flows?organizationId=${storyCommune}&from=2023-01-01&to=2023-12-31`)
        .expect(200);
      expect(res.body.disciplined).toEqual({
        reprimand: 0,
        warning: 1,
        dismissal: 0,
        expulsion: 0,
        total: 1,
      });
      const before = await http
        .get(`/api/stats/flows?organizationId=${storyCommune}&from=2023-01-01&to=2023-03-04`)
        .expect(200);
      expect(before.body.disciplined.total).toBe(0);
    });
  });

  describe('POST /api/discipline-cases', () => {
    it('opens a case against an organization, and answers a repeated Idempotency-Key with the same id', async () => {
      const headers = { 'Idempotency-Key': randomUUID() };
      const body = {
        organizationId: otherCell,
        openedBy: commune,
        openedByKind: 'inspection_committee',
        allegation: 'Buông lỏng lãnh đạo, để nhiều đảng viên vi phạm',
        violationDate: '2023-01-01',
        effectiveDate: '2023-06-01',
      };
      const first = await http.expectStatus(201, '/api/discipline-cases', body, headers);
      const size = await t.logSize();
      const again = await http.expectStatus(201, '/api/discipline-cases', body, headers);
      expect(again.body).toEqual(first.body);
      expect(await t.logSize()).toBe(size);
      const got = await http.get(kase(first.body.id)).expect(200);
      expect(got.body.subject).toEqual({ kind: 'organization', organizationId: otherCell });
    });

    it('answers 400 naming both fields when neither or both of memberId and organizationId are given', async () => {
      const neither = await http.expectStatus(
        400,
        '/api/discipline-cases',
        opening(a, { memberId: undefined }),
      );
      expect(fieldsOf(neither.body)).toEqual(['memberId', 'organizationId']);
      const both = await http.expectStatus(
        400,
        '/api/discipline-cases',
        opening(a, { organizationId: cell }),
      );
      expect(fieldsOf(both.body)).toEqual(['memberId', 'organizationId']);
      const malformed = await http.expectStatus(400, '/api/discipline-cases', opening('m-1'));
      expect(malformed.body.errors).toEqual([{ field: 'memberId', messages: ['memberId must be a uuid'] }]);
    });

    it('answers 400 listing every malformed field, and a field it does not know', async () => {
      const res = await http.expectStatus(
        400,
        '/api/discipline-cases',
        opening(a, { violationDate: '2022-02-30', openedByKind: 'tribunal', colour: 'red' }),
      );
      expect(fieldsOf(res.body)).toEqual(['colour', 'openedByKind', 'violationDate']);
    });

    it('answers 404 for an unknown member or opening organization', async () => {
      const res = await http.expectStatus(404, '/api/discipline-cases', opening(randomUUID()));
      expect(res.body.entity).toBe('member');
      const body = await http.expectStatus(
        404,
        '/api/discipline-cases',
        opening(a, { openedBy: randomUUID() }),
      );
      expect(body.body.entity).toBe('organization');
    });

    it('refuses a case against a candidate (CASE-SUBJECT), and one opened before the breach (CASE-DATE)', async () => {
      const candidate = await http.expectStatus(201, '/api/members', {
        fullName: 'Vũ Văn Khải',
        birthDate: '2001-02-03',
        cellId: cell,
        effectiveDate: '2023-01-05',
      });
      const res = await http.expectStatus(422, '/api/discipline-cases', opening(candidate.body.id));
      expect(res.body.ruleId).toBe('CASE-SUBJECT');
      const early = await http.expectStatus(
        422,
        '/api/discipline-cases',
        opening(a, { violationDate: '2023-02-01' }),
      );
      expect(early.body.ruleId).toBe('CASE-DATE');
    });
  });

  describe('POST /api/discipline-cases/:id/decision', () => {
    it('refuses to expel a probationer (PRB-6)', async () => {
      const hoa = await probationer();
      const id = await opened(hoa, { violationDate: '2023-05-01', effectiveDate: '2023-06-01' });
      const res = await http.expectStatus(
        422,
        kase(id, '/decision'),
        decision({ form: 'expulsion', effectiveDate: '2023-07-01' }),
      );
      expect(['PRB-6', 'DIS-1']).toContain(res.body.ruleId);
      const got = await http.get(member(hoa)).expect(200);
      expect(got.body).toMatchObject({ status: 'probationary', disciplines: [] });
    });

    it('refuses a reprimand whose limitation has run (DIS-8); the case is closed time-barred instead', async () => {
      const id = await opened(a, { violationDate: '2015-01-01', effectiveDate: '2023-01-10' });
      const refused = await http.expectStatus(
        422,
        kase(id, '/decision'),
        decision({ form: 'reprimand', effectiveDate: '2023-02-01' }),
      );
      expect(refused.body.ruleId).toBe('DIS-8');
      expect(refused.body.detail).toMatch(/2020-01-01/);
      const early = await http.expectStatus(422, kase(id, '/closure'), {
        reason: 'time_barred',
        form: 'warning',
        effectiveDate: '2023-02-01',
      });
      expect(early.body.ruleId).toBe('DIS-8');
      await http.expectStatus(201, kase(id, '/closure'), {
        reason: 'time_barred',
        form: 'reprimand',
        effectiveDate: '2023-02-01',
      });
      const got = await http.get(kase(id)).expect(200);
      expect(got.body).toMatchObject({
        status: 'closed',
        closure: { reason: 'time_barred', form: 'reprimand', closedOn: '2023-02-01' },
        inForce: false,
      });
      const member_ = await http.get(member(a)).expect(200);
      expect(member_.body.disciplines).toEqual([]);
    });

    it('expels an official member: the membership ends and the cell counts one member fewer', async () => {
      const expelCell = await http.establish('cell', commune, '2015-02-01', 'Chi bộ thôn 3');
      const tuan = await registered(expelCell, 'Hoàng Văn Tuấn');
      await registered(expelCell, 'Ngô Thị Lan');
      const counts = (asOf: string) => http.get(`/api/organizations/${expelCell}/counts?asOf=${asOf}`);
      expect((await counts('2024-02-01').expect(200)).body).toMatchObject({ total: 2, official: 2 });
      const id = await opened(tuan, { expulsionLevel: true });
      await http.expectStatus(
        201,
        kase(id, '/decision'),
        decision({ form: 'expulsion', decisionRef: '20-QĐ/UBKT', effectiveDate: '2024-02-01' }),
      );
      expect((await counts('2024-02-01').expect(200)).body).toMatchObject({ total: 1, official: 1 });
      expect((await counts('2024-01-31').expect(200)).body).toMatchObject({ total: 2 });
      const got = await http.get(member(tuan)).expect(200);
      expect(got.body).toMatchObject({ status: 'left', departure: { how: 'expelled', on: '2024-02-01' } });
      const trace = await http.get(kase(id, '/trace')).expect(200);
      const steps = trace.body as TraceStep[];
      expect(steps.map((s) => s.type)).toEqual([
        'DisciplineCaseOpened',
        'DisciplineDecided',
        'MemberDisciplined',
        'MemberExpelled',
      ]);
      expect(steps[3]).toMatchObject({
        causationId: steps[1].eventId,
        decidedBy: commune,
        decisionRef: '20-QĐ/UBKT',
      });
      const state = await http.get(kase(id, '?asOf=2030-01-01')).expect(200);
      expect(state.body).toMatchObject({ formInForce: 'expulsion', lapsesOn: null });
      const flows = await http
        .get(`/api/stats/flows?organizationId=${expelCell}&from=2024-01-01&to=2024-12-31`)
        .expect(200);
      expect(flows.body.disciplined).toMatchObject({ expulsion: 1, total: 1 });
    });

    it('reprimands an organization by its superior committee (DIS-4), with no effect on any member', async () => {
      const id = (
        await http.expectStatus(201, '/api/discipline-cases', {
          organizationId: cell,
          openedBy: commune,
          openedByKind: 'inspection_committee',
          allegation: 'Không duy trì sinh hoạt chi bộ định kỳ',
          violationDate: '2023-01-01',
          effectiveDate: '2023-06-01',
        })
      ).body.id as string;
      const notAbove = await http.expectStatus(
        422,
        kase(id, '/decision'),
        decision({
          form: 'reprimand',
          decidedBy: otherCell,
          decidedByKind: 'base_committee',
          effectiveDate: '2023-07-01',
        }),
      );
      expect(notAbove.body.ruleId).toBe('DIS-4');
      const before = await t.logSize();
      await http.expectStatus(
        201,
        kase(id, '/decision'),
        decision({ form: 'reprimand', decidedByKind: 'base_committee', effectiveDate: '2023-07-01' }),
      );
      expect(await t.logSize()).toBe(before + 1);
      const trace = await http.get(kase(id, '/trace')).expect(200);
      expect(trace.body.map((s: TraceStep) => s.type)).toEqual(['DisciplineCaseOpened', 'DisciplineDecided']);
    });

    it('answers 400 for a form that does not exist, 404 for an unknown case or deciding organization', async () => {
      const id = await opened(b);
      const res = await http.expectStatus(400, kase(id, '/decision'), decision({ form: 'banishment' }));
      expect(fieldsOf(res.body)).toEqual(['form']);
      const unknown = await http.expectStatus(404, kase(randomUUID(), '/decision'), decision());
      expect(unknown.body.entity).toBe('discipline-case');
      const body = await http.expectStatus(404, kase(id, '/decision'), decision({ decidedBy: randomUUID() }));
      expect(body.body.entity).toBe('organization');
      await http.expectStatus(400, kase('not-a-uuid', '/decision'), decision());
    });
  });

  describe('the other steps', () => {
    it('defers a case (DIS-7), refuses a decision meanwhile, and resumes it', async () => {
      const id = await opened(b);
      await http.expectStatus(201, kase(id, '/deferral'), {
        reason: 'maternity_leave',
        effectiveDate: '2023-02-01',
      });
      const refused = await http.expectStatus(422, kase(id, '/decision'), decision());
      expect(refused.body.ruleId).toBe('DIS-7');
      await http.expectStatus(201, kase(id, '/deferral-end'), { effectiveDate: '2023-08-01' });
      await http.expectStatus(201, kase(id, '/proposal'), {
        form: 'warning',
        proposedBy: cell,
        votesFor: 3,
        membersEntitled: 4,
        effectiveDate: '2023-08-10',
      });
      const got = await http.get(kase(id)).expect(200);
      expect(got.body).toMatchObject({
        status: 'open',
        deferrals: [{ reason: 'maternity_leave', from: '2023-02-01', until: '2023-08-01' }],
        proposals: [{ form: 'warning', proposedBy: cell, proposedOn: '2023-08-10' }],
      });
      await http.expectStatus(201, kase(id, '/closure'), { reason: 'dropped', effectiveDate: '2023-09-01' });
    });

    it('refuses an appeal of a case not decided (CASE-STATE) and one lodged late (APP-1)', async () => {
      const id = await opened(b);
      const open = await http.expectStatus(422, kase(id, '/appeal'), {
        receivedDecisionOn: '2023-03-02',
        effectiveDate: '2023-03-10',
      });
      expect(open.body.ruleId).toBe('CASE-STATE');
      await http.expectStatus(201, kase(id, '/decision'), decision({ form: 'reprimand' }));
      const late = await http.expectStatus(422, kase(id, '/appeal'), {
        receivedDecisionOn: '2023-03-02',
        effectiveDate: '2023-04-10',
      });
      expect(late.body.ruleId).toBe('APP-1');
    });

    it('answers 400 for malformed steps and 404 for an unknown case, leaving the log as it was', async () => {
      const id = await opened(b);
      const bad = await http.expectStatus(400, kase(id, '/deferral'), {
        reason: 'holiday',
        effectiveDate: '2023-02-01',
      });
      expect(fieldsOf(bad.body)).toEqual(['reason']);
      const votes = await http.expectStatus(400, kase(id, '/proposal'), {
        form: 'warning',
        proposedBy: cell,
        votesFor: -1,
        effectiveDate: '2023-02-01',
      });
      expect(fieldsOf(votes.body)).toEqual(['votesFor']);
      await http.expectStatus(404, kase(randomUUID(), '/findings'), {
        findings: 'x',
        recordedBy: commune,
        effectiveDate: '2023-02-01',
      });
      await http.expectStatus(404, kase(randomUUID(), '/closure'), {
        reason: 'dropped',
        effectiveDate: '2023-02-01',
      });
    });
  });

  describe('GET /api/discipline-cases/:id and /trace', () => {
    it('answers 404 for an unknown case or a date before its opening, 400 for a malformed id or date', async () => {
      await http.get(kase(randomUUID())).expect(404);
      await http.get(kase(randomUUID(), '/trace')).expect(404);
      const res = await http.get(kase('not-a-uuid')).expect(400);
      expect(res.body.errors).toEqual([{ field: 'id', messages: ['id must be a uuid'] }]);
      const id = await opened(b);
      await http.get(kase(id, '?asOf=2023-01-09')).expect(404);
      const asOf = await http.get(kase(id, '?asOf=2023-02-30')).expect(400);
      expect(fieldsOf(asOf.body)).toEqual(['asOf']);
    });
  });
});

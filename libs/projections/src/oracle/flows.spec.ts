import { FlowItem } from '../point-in-time';
import { Oracle } from './oracle';
import {
  aNewMember,
  aProvince,
  died,
  disciplined,
  expelled,
  madeOfficial,
  merger,
  nameRemoved,
  registered,
} from './oracle.fixtures';

describe('Oracle flows of a commune over a year', () => {
  const log = aProvince().member(
    ...aNewMember('m-8', 'Vũ Văn Hải', 'a1', '2023-12-31'), // the day before the period
    ...aNewMember('m-1', 'Trần Văn An', 'a1', '2024-03-15'),
    ...aNewMember('m-7', 'Phạm Văn Cường', 'b1', '2024-03-20'), // another commune
    registered('m-2', 'Lê Thị Bình', 'a2', null),
    madeOfficial('m-2', '2024-04-01'),
    registered('m-3', 'Đỗ Văn Giang', 'a2'),
    disciplined('m-3', 'warning', '2024-05-01'),
    registered('m-4', 'Hoàng Văn Em', 'a1'),
    disciplined('m-4', 'expulsion', '2024-06-01'),
    expelled('m-4', '2024-06-01'),
    registered('m-5', 'Nguyễn Thị Dung', 'b1'),
    died('m-5', '2024-07-01'),
    registered('m-6', 'Bùi Thị Lan', 'a2'),
    nameRemoved('m-6', '2024-08-01'),
  );
  const oracle = new Oracle(log.log);
  const period = { organizationId: 'commune-a', from: '2024-01-01', to: '2024-12-31' };
  const eventOf = (memberId: string, type: string) =>
    log.log.find((e) => e.data.memberId === memberId && e.type === type)!;

  it('counts each kind of flow in the period, from to to inclusive', async () =>
    expect(await oracle.flows(period)).toEqual({
      organizationId: 'commune-a',
      from: '2024-01-01',
      to: '2024-12-31',
      admitted: 1,
      readmitted: 0,
      madeOfficial: 1,
      transferredIn: 0,
      transferredOut: 0,
      nameRemoved: 1,
      exited: 0,
      expelled: 1,
      died: 0,
      disciplined: { reprimand: 0, warning: 1, dismissal: 0, expulsion: 1, total: 2 },
    }));

  it('includes both ends of the period', async () => {
    expect(await oracle.flows({ ...period, from: '2023-12-31', to: '2024-03-15' })).toMatchObject({
      admitted: 2,
    });
    expect(await oracle.flows({ ...period, from: '2024-03-16', to: '2024-12-31' })).toMatchObject({
      admitted: 0,
    });
  });

  it('counts every commune’s flows for the province', async () =>
    expect(await oracle.flows({ ...period, organizationId: 'p' })).toMatchObject({ admitted: 2, died: 1 }));

  it('drills down to the decisions behind a figure, in global order', async () => {
    const expected: FlowItem[] = [
      {
        kind: 'disciplined',
        memberId: 'm-3',
        eventId: eventOf('m-3', 'MemberDisciplined').eventId,
        type: 'MemberDisciplined',
        effectiveDate: '2024-05-01',
        decisionRef: '7-QĐ/UBKT',
        form: 'warning',
      },
      {
        kind: 'disciplined',
        memberId: 'm-4',
        eventId: eventOf('m-4', 'MemberDisciplined').eventId,
        type: 'MemberDisciplined',
        effectiveDate: '2024-06-01',
        decisionRef: '7-QĐ/UBKT',
        form: 'expulsion',
      },
    ];
    expect(await oracle.flowItems({ ...period, kind: 'disciplined' })).toEqual(expected);
    expect(await oracle.flowItems({ ...period, kind: 'admitted' })).toEqual([
      {
        kind: 'admitted',
        memberId: 'm-1',
        eventId: eventOf('m-1', 'MemberAdmitted').eventId,
        type: 'MemberAdmitted',
        effectiveDate: '2024-03-15',
        decisionRef: '45-QĐ/ĐU',
      },
    ]);
  });
});

describe('Oracle flows across a merger', () => {
  // commune-b merges into commune-a on 2025-07-01: each admission goes to the tree of its own date.
  const log = aProvince()
    .member(...aNewMember('m-9', 'Trần Văn An', 'b1', '2025-03-01'))
    .org(...merger('commune-b', 'commune-a', '2025-07-01', ['b1']))
    .member(...aNewMember('m-10', 'Lê Thị Bình', 'b1', '2025-08-01'));
  const oracle = new Oracle(log.log);
  const year = { from: '2025-01-01', to: '2025-12-31' };

  it('attributes each event to the tree as it stood on its effective date', async () => {
    expect(await oracle.flows({ organizationId: 'commune-a', ...year })).toMatchObject({ admitted: 1 });
    expect(await oracle.flows({ organizationId: 'commune-b', ...year })).toMatchObject({ admitted: 1 });
    const items = await oracle.flowItems({ organizationId: 'commune-a', ...year, kind: 'admitted' });
    expect(items.map((i) => i.memberId)).toEqual(['m-10']);
  });
});

import {
  aCell,
  anOfficialMember,
  died,
  exited,
  expelled,
  nameRemoved,
  readmitted,
  spec,
} from './member.fixtures';
import { evolve, Member } from './member.state';
import { ReadmitMember, ReadmitMemberContext, readmitMember } from './readmit-member';

const context: ReadmitMemberContext = {
  today: '2028-06-01',
  cell: aCell('cell-5', { baseOrganizationId: 'base-5' }),
  introducers: [
    { memberId: 'i-5', status: 'official', baseOrganizationId: 'base-5' },
    { memberId: 'i-6', status: 'official', baseOrganizationId: 'base-5' },
  ],
};
const command: ReadmitMember = {
  memberId: 'm-1',
  cellId: 'cell-5',
  decisionRef: '88-QĐ/ĐU',
  decidedBy: 'base-5',
  decisionDate: '2027-02-01',
  ceremonyDate: '2027-02-15',
  introducerIds: ['i-5', 'i-6'],
  provincialConsent: true,
};
const readmit =
  (changes: Partial<ReadmitMember> = {}, ctx: Partial<ReadmitMemberContext> = {}) =>
  (state: Member) =>
    readmitMember({ ...command, ...changes }, state, { ...context, ...ctx });
const removed = [...anOfficialMember(), nameRemoved('failed_political_standards', '2024-01-01')];

describe('a former member whose name was removed', () => {
  it('is readmitted for a full probation 36 months after leaving, with provincial consent (REM-6)', () => {
    spec
      .given(...removed)
      .when(readmit())
      .then([
        {
          type: 'MemberReadmitted',
          data: {
            memberId: 'm-1',
            cellId: 'cell-5',
            decisionRef: '88-QĐ/ĐU',
            decidedBy: 'base-5',
            decisionDate: '2027-02-01',
            ceremonyDate: '2027-02-15',
            introducerIds: ['i-5', 'i-6'],
            regulation: 'QĐ294',
          },
          effectiveDate: '2027-02-15',
        },
      ]);
    const [event] = readmitMember(command, spec.given(...removed).state, context);
    expect(evolve(spec.given(...removed).state, event)).toMatchObject({
      status: 'probationary',
      cellId: 'cell-5',
      admission: { decisionDate: '2027-02-01', ceremonyDate: '2027-02-15' },
      previousMemberships: [{ decisionDate: '2023-03-01', departure: { how: 'removed', on: '2024-01-01' } }],
    });
  });

  it('is refused before 36 months out of the party (REM-6)', () =>
    spec
      .given(...removed)
      .when(readmit({ decisionDate: '2026-12-31', ceremonyDate: '2027-01-05' }))
      .thenRefuses('REM-6'));

  it("is refused without the provincial standing committee's consent (REM-6)", () =>
    spec
      .given(...removed)
      .when(readmit({ provincialConsent: false }))
      .thenRefuses('REM-6'));

  it('is refused within 60 months of an expunged conviction (REM-6)', () =>
    spec
      .given(...removed)
      .when(readmit({ convictionExpungedOn: '2023-01-01' }))
      .thenRefuses('REM-6'));

  it('is readmitted 60 months after an expunged conviction (REM-6)', () =>
    spec
      .given(...removed)
      .when(readmit({ convictionExpungedOn: '2022-01-01' }))
      .thenMatches([{ type: 'MemberReadmitted' }]));

  it('is refused a second readmission: once only (REM-6)', () =>
    spec
      .given(
        ...removed,
        readmitted({ cellId: 'cell-5', decisionDate: '2027-02-01', ceremonyDate: '2027-02-15' }),
        nameRemoved('failed_political_standards', '2027-06-01'),
      )
      .when(readmit({ decisionDate: '2031-01-01', ceremonyDate: '2031-01-10' }, { today: '2031-02-01' }))
      .thenRefuses('REM-6'));

  it('must meet every admission condition again (ADM-5)', () =>
    spec
      .given(...removed)
      .when(readmit({ introducerIds: ['i-5'] }))
      .thenRefuses('ADM-5'));

  it('is refused when the records show a corruption conviction (REM-7)', () =>
    spec
      .given(...removed)
      .when(readmit({}, { bars: ['corruption_conviction'] }))
      .thenRefuses('REM-7'));
});

describe('a former member who abandoned activity', () => {
  it('is never readmitted (REM-7)', () =>
    spec
      .given(...anOfficialMember(), nameRemoved('abandoned_activity', '2024-01-01'))
      .when(readmit())
      .thenRefuses('REM-7'));
});

describe('a former member who asked to leave', () => {
  const left = [...anOfficialMember(), exited('2024-01-01')];

  it('is refused readmission (REM-7)', () =>
    spec
      .given(...left)
      .when(readmit())
      .thenRefuses('REM-7'));

  it('is readmitted for special family hardship (REM-7)', () =>
    spec
      .given(...left)
      .when(readmit({ specialHardship: true }))
      .thenMatches([{ type: 'MemberReadmitted' }]));
});

describe('a former member who was expelled', () => {
  it('is readmitted when no REM-7 bar is on the records (REM-7)', () =>
    spec
      .given(...anOfficialMember(), ...expelled('2024-01-01'))
      .when(readmit())
      .thenMatches([{ type: 'MemberReadmitted' }]));
});

describe('someone who has not left, or died', () => {
  it('is refused readmission while a member (MEMBER-STATE)', () =>
    spec
      .given(...anOfficialMember())
      .when(readmit())
      .thenRefuses('MEMBER-STATE'));

  it('is refused readmission after death (MEMBER-STATE)', () =>
    spec
      .given(...anOfficialMember(), died('2024-01-01'))
      .when(readmit())
      .thenRefuses('MEMBER-STATE'));
});

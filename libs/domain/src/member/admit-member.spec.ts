import { EntityNotFound } from '../shared/rule-violation';
import { AdmissionContext, IntroducerFacts } from './admission.rules';
import { AdmitMember, admitMember } from './admit-member';
import { aCandidate, aCell, aProbationaryMember, spec, TODAY } from './member.fixtures';
import { Member } from './member.state';

const official = (memberId: string, baseOrganizationId = 'base-1'): IntroducerFacts => ({
  memberId,
  status: 'official',
  baseOrganizationId,
});
const context: AdmissionContext = {
  today: TODAY,
  cell: aCell(),
  introducers: [official('i-1'), official('i-2')],
};
const command: AdmitMember = {
  memberId: 'm-1',
  decisionRef: '45-QĐ/ĐU',
  decidedBy: 'base-1',
  decisionDate: '2025-04-01',
  ceremonyDate: '2025-04-15',
  introducerIds: ['i-1', 'i-2'],
};
const admit =
  (changes: Partial<AdmitMember> = {}, ctx: Partial<AdmissionContext> = {}) =>
  (state: Member) =>
    admitMember({ ...command, ...changes }, state, { ...context, ...ctx });

describe('a candidate', () => {
  it('is admitted on the ceremony date, party age from the decision (ADM-12)', () =>
    spec
      .given(...aCandidate())
      .when(admit())
      .then([
        {
          type: 'MemberAdmitted',
          data: {
            memberId: 'm-1',
            cellId: 'cell-1',
            decisionRef: '45-QĐ/ĐU',
            decidedBy: 'base-1',
            decisionDate: '2025-04-01',
            ceremonyDate: '2025-04-15',
            introducerIds: ['i-1', 'i-2'],
            regulation: 'QĐ232',
          },
          effectiveDate: '2025-04-15',
        },
      ]));

  it('is refused a ceremony before the decision (ADM-12)', () =>
    spec
      .given(...aCandidate())
      .when(admit({ ceremonyDate: '2025-03-31' }))
      .thenRefuses('ADM-12'));

  it('is refused a ceremony after today (MEMBER-DATE)', () =>
    spec
      .given(...aCandidate())
      .when(admit({ ceremonyDate: '2025-06-02' }))
      .thenRefuses('MEMBER-DATE'));

  it('is refused when the cell considered after the decision (MEMBER-DATE)', () =>
    spec
      .given(...aCandidate())
      .when(admit({ consideredOn: '2025-04-02' }))
      .thenRefuses('MEMBER-DATE'));

  it('is refused when the cell is no longer active (MEMBER-CELL)', () =>
    spec
      .given(...aCandidate())
      .when(admit({}, { cell: aCell('cell-1', { active: false }) }))
      .thenRefuses('MEMBER-CELL'));
});

describe('a candidate of borderline age', () => {
  it('is admitted at full 18 counted in months (ADM-1)', () =>
    spec
      .given(...aCandidate({ birthDate: '2007-04-01' }))
      .when(admit())
      .thenMatches([{ type: 'MemberAdmitted' }]));

  it('is refused a day short of 18 (ADM-1)', () =>
    spec
      .given(...aCandidate({ birthDate: '2007-04-02' }))
      .when(admit())
      .thenRefuses('ADM-1'));

  it('is refused when under 18 on the day the cell considered, even if 18 at the decision (ADM-1)', () =>
    spec
      .given(...aCandidate({ birthDate: '2007-04-01' }))
      .when(admit({ consideredOn: '2025-03-20' }))
      .thenRefuses('ADM-1'));

  it('is admitted at full 60 (ADM-1)', () =>
    spec
      .given(...aCandidate({ birthDate: '1965-04-01' }))
      .when(admit())
      .thenMatches([{ type: 'MemberAdmitted' }]));

  it('is refused a month past 60 (ADM-1)', () =>
    spec
      .given(...aCandidate({ birthDate: '1965-03-01' }))
      .when(admit())
      .thenRefuses('ADM-1'));

  it('is admitted past 60 by decision of a committee under the Central Committee (ADM-1)', () =>
    spec
      .given(...aCandidate({ birthDate: '1950-01-01' }))
      .when(admit({ over60Approved: true }))
      .thenMatches([{ type: 'MemberAdmitted' }]));
});

describe('a candidate and their introducers', () => {
  it('is refused with a single introducing member (ADM-5)', () =>
    spec
      .given(...aCandidate())
      .when(admit({ introducerIds: ['i-1'] }))
      .thenRefuses('ADM-5'));

  it('is refused when an introducer is only probationary (ADM-5)', () =>
    spec
      .given(...aCandidate())
      .when(
        admit(
          {},
          {
            introducers: [
              official('i-1'),
              { memberId: 'i-2', status: 'probationary', baseOrganizationId: 'base-1' },
            ],
          },
        ),
      )
      .thenRefuses('ADM-5'));

  it('is refused when an introducer belongs to another base organization (ADM-5)', () =>
    spec
      .given(...aCandidate())
      .when(admit({}, { introducers: [official('i-1'), official('i-2', 'base-9')] }))
      .thenRefuses('ADM-5'));

  it('is refused when introducing themselves or twice by the same member (ADM-5)', () =>
    spec
      .given(...aCandidate())
      .when(admit({ introducerIds: ['i-1', 'i-1', 'm-1'] }))
      .thenRefuses('ADM-5'));

  it('is admitted when two of three introducers qualify (ADM-5)', () =>
    spec
      .given(...aCandidate())
      .when(
        admit({ introducerIds: ['i-1', 'i-2', 'i-3'] }, { introducers: [official('i-1'), official('i-2')] }),
      )
      .thenMatches([{ data: { introducerIds: ['i-1', 'i-2', 'i-3'] } }]));

  it('is admitted on the Youth Union introduction plus one official member (ADM-6)', () =>
    spec
      .given(...aCandidate())
      .when(admit({ introducerIds: ['i-1'], introducedByOrganization: 'youth_union' }))
      .thenMatches([{ data: { introducerIds: ['i-1'], introducedByOrganization: 'youth_union' } }]));

  it('is refused a trade-union introduction without an official member (ADM-6)', () =>
    spec
      .given(...aCandidate())
      .when(admit({ introducerIds: ['x'], introducedByOrganization: 'trade_union' }))
      .thenRefuses('ADM-6'));
});

describe('a candidate whose ceremony came late', () => {
  it('is refused a ceremony after 30 working days (ADM-11)', () =>
    spec
      .given(...aCandidate())
      .when(admit({ ceremonyDate: '2025-05-14' }))
      .thenRefuses('ADM-11'));

  it('is admitted when holidays keep the ceremony within 30 working days (ADM-11)', () =>
    spec
      .given(...aCandidate())
      .when(admit({ ceremonyDate: '2025-05-14' }, { holidays: new Set(['2025-04-30', '2025-05-01']) }))
      .thenMatches([{ effectiveDate: '2025-05-14' }]));

  it('is admitted when the 30 working days count from a later receipt of the decision (ADM-11)', () =>
    spec
      .given(...aCandidate())
      .when(admit({ ceremonyDate: '2025-05-14', decisionReceivedOn: '2025-04-03' }))
      .thenMatches([{ effectiveDate: '2025-05-14' }]));

  it("is admitted late with the direct superior's consent, which the event records (ADM-11)", () =>
    spec
      .given(...aCandidate())
      .when(admit({ ceremonyDate: '2025-05-30', lateCeremonyConsented: true }))
      .thenMatches([{ data: { lateCeremonyConsented: true }, effectiveDate: '2025-05-30' }]));
});

describe('someone who is not a candidate', () => {
  it('is refused admission when already probationary (MEMBER-STATE)', () =>
    spec
      .given(...aProbationaryMember())
      .when(admit())
      .thenRefuses('MEMBER-STATE'));

  it('is not found when nobody is on the stream', () =>
    expect(() => admit()({ status: 'none' })).toThrow(EntityNotFound));
});

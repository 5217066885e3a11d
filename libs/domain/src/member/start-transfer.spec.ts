import {
  aCandidate,
  aCell,
  amended,
  anOfficialMember,
  aProbationaryMember,
  disciplined,
  spec,
  TODAY,
  transferStarted,
} from './member.fixtures';
import { Member } from './member.state';
import { StartTransfer, startTransfer } from './start-transfer';

const command: StartTransfer = {
  memberId: 'm-1',
  transferId: 't-9',
  kind: 'official',
  toCellId: 'cell-2',
  effectiveDate: '2025-05-01',
};
const transfer =
  (changes: Partial<StartTransfer> = {}, toCell = aCell('cell-2')) =>
  (state: Member) =>
    startTransfer({ ...command, ...changes }, state, { today: TODAY, toCell });

describe('an official member', () => {
  it('starts an official transfer out of the home cell (TRF-1)', () =>
    spec
      .given(...anOfficialMember())
      .when(transfer())
      .then([
        {
          type: 'MemberTransferStarted',
          data: {
            memberId: 'm-1',
            transferId: 't-9',
            kind: 'official',
            fromCellId: 'cell-1',
            toCellId: 'cell-2',
          },
          effectiveDate: '2025-05-01',
        },
      ]));

  it('is refused a kind of transfer other than official or temporary (TRF-1)', () =>
    spec
      .given(...anOfficialMember())
      .when(transfer({ kind: 'internal' as StartTransfer['kind'] }))
      .thenRefuses('TRF-1'));

  it('starts a temporary transfer of six months (TRF-5)', () =>
    spec
      .given(...anOfficialMember())
      .when(transfer({ kind: 'temporary', expectedReturnOn: '2025-11-01' }))
      .thenMatches([{ data: { kind: 'temporary', expectedReturnOn: '2025-11-01' } }]));

  it('starts a temporary transfer of nearly two years for study (TRF-5)', () =>
    spec
      .given(...anOfficialMember())
      .when(transfer({ kind: 'temporary', expectedReturnOn: '2027-04-30', forStudy: true }))
      .thenMatches([{ data: { expectedReturnOn: '2027-04-30' } }]));

  it('is refused a temporary transfer shorter than 3 months (TRF-5)', () =>
    spec
      .given(...anOfficialMember())
      .when(transfer({ kind: 'temporary', expectedReturnOn: '2025-07-01' }))
      .thenRefuses('TRF-5'));

  it('is refused a temporary transfer of a full year when not for study (TRF-5)', () =>
    spec
      .given(...anOfficialMember())
      .when(transfer({ kind: 'temporary', expectedReturnOn: '2026-05-01' }))
      .thenRefuses('TRF-5'));

  it('is refused a planned return on an official transfer (TRF-5)', () =>
    spec
      .given(...anOfficialMember())
      .when(transfer({ expectedReturnOn: '2025-11-01' }))
      .thenRefuses('TRF-5'));

  it('is refused a transfer to the cell it is already in (MEMBER-CELL)', () =>
    spec
      .given(...anOfficialMember())
      .when(transfer({ toCellId: 'cell-1' }, aCell('cell-1')))
      .thenRefuses('MEMBER-CELL'));

  it('is refused a transfer to an organization that is not a cell (MEMBER-CELL)', () =>
    spec
      .given(...anOfficialMember())
      .when(transfer({}, aCell('cell-2', { kind: 'base_committee' })))
      .thenRefuses('MEMBER-CELL'));

  it('is refused a transfer to a dissolved cell (MEMBER-CELL)', () =>
    spec
      .given(...anOfficialMember())
      .when(transfer({}, aCell('cell-2', { active: false })))
      .thenRefuses('MEMBER-CELL'));

  it('is refused a transfer dated before the admission ceremony (MEMBER-DATE)', () =>
    spec
      .given(...anOfficialMember())
      .when(transfer({ effectiveDate: '2023-03-01' }))
      .thenRefuses('MEMBER-DATE'));
});

describe('a member under discipline', () => {
  it('is refused a transfer while a warning is in force (DIS-12)', () =>
    spec
      .given(...anOfficialMember(), disciplined('warning', '2024-12-01'))
      .when(transfer())
      .thenRefuses('DIS-12'));

  it('is transferred once the warning lapsed 12 months after its announcement (DIS-11, DIS-12)', () =>
    spec
      .given(...anOfficialMember(), disciplined('warning', '2024-04-30'))
      .when(transfer())
      .thenMatches([{ type: 'MemberTransferStarted' }]));

  it('is refused when an amendment restarted the 12 months (DIS-11, DIS-12)', () =>
    spec
      .given(
        ...anOfficialMember(),
        disciplined('warning', '2024-04-01'),
        amended('reprimand', '2024-09-01', 'warning'),
      )
      .when(transfer())
      .thenRefuses('DIS-12'));

  it('is transferred when the discipline was annulled (DIS-12)', () =>
    spec
      .given(
        ...anOfficialMember(),
        disciplined('warning', '2024-12-01'),
        amended(null, '2025-01-15', 'warning'),
      )
      .when(transfer())
      .thenMatches([{ type: 'MemberTransferStarted' }]));
});

describe('a member already moving', () => {
  it('is refused a second transfer while one is in progress (MEMBER-STATE)', () =>
    spec
      .given(...anOfficialMember(), transferStarted('temporary', '2025-01-01'))
      .when(transfer())
      .thenRefuses('MEMBER-STATE'));
});

describe('a probationary member', () => {
  it('is transferred on probation: the rulebook leaves its effect open (open question 7)', () =>
    spec
      .given(...aProbationaryMember())
      .when(transfer())
      .thenMatches([{ type: 'MemberTransferStarted' }]));
});

describe('a candidate', () => {
  it('is refused a transfer (MEMBER-STATE)', () =>
    spec
      .given(...aCandidate())
      .when(transfer())
      .thenRefuses('MEMBER-STATE'));
});

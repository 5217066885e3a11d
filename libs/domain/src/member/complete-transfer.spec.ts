import { CompleteTransfer, CompleteTransferContext, completeTransfer } from './complete-transfer';
import { aCell, anOfficialMember, arrived, spec, TODAY, transferStarted } from './member.fixtures';
import { countedInCell } from './member.rules';
import { evolve, Member } from './member.state';

const command: CompleteTransfer = { memberId: 'm-1', transferId: 't-1', effectiveDate: '2025-04-20' };
const context: CompleteTransferContext = { today: TODAY, toCell: aCell('cell-2') };
const arrive =
  (changes: Partial<CompleteTransfer> = {}, ctx: Partial<CompleteTransferContext> = {}) =>
  (state: Member) =>
    completeTransfer({ ...command, ...changes }, state, { ...context, ...ctx });
const officialTransfer = [...anOfficialMember(), transferStarted('official', '2025-04-01')];

describe('a member on an official transfer', () => {
  it('is counted in no cell until arrival (TRF-7)', () => {
    expect(countedInCell(spec.given(...officialTransfer).state)).toBeNull();
  });

  it('arrives within 30 working days and is registered in the receiving cell (TRF-4)', () => {
    spec
      .given(...officialTransfer)
      .when(arrive())
      .then([
        {
          type: 'MemberTransferCompleted',
          data: {
            memberId: 'm-1',
            transferId: 't-1',
            kind: 'official',
            fromCellId: 'cell-1',
            toCellId: 'cell-2',
            dueBy: '2025-05-13',
            late: false,
          },
          effectiveDate: '2025-04-20',
        },
      ]);
    const [event] = completeTransfer(command, spec.given(...officialTransfer).state, context);
    expect(countedInCell(evolve(spec.given(...officialTransfer).state, event))).toBe('cell-2');
  });

  it('arrives late, and the lateness and its reason are recorded, not refused (TRF-4)', () =>
    spec
      .given(...officialTransfer)
      .when(arrive({ effectiveDate: '2025-05-20', lateReason: 'hospitalised' }))
      .thenMatches([{ data: { late: true, dueBy: '2025-05-13', lateReason: 'hospitalised' } }]));

  it('arrives late with the lateness counted as a party-age interruption (TRF-4, AGE-1)', () =>
    spec
      .given(...officialTransfer)
      .when(arrive({ effectiveDate: '2025-05-20', latenessInterruptsPartyAge: true }))
      .thenMatches([{ data: { partyAgeGap: { from: '2025-05-14', to: '2025-05-20' } } }]));

  it('arrives at the cell its target merged into (MEMBER-CELL)', () =>
    spec
      .given(...officialTransfer)
      .when(arrive({ toCellId: 'cell-3' }, { toCell: aCell('cell-3') }))
      .thenMatches([{ data: { toCellId: 'cell-3' } }]));

  it('is refused arrival at a cell no longer active (MEMBER-CELL)', () =>
    spec
      .given(...officialTransfer)
      .when(arrive({}, { toCell: aCell('cell-2', { active: false }) }))
      .thenRefuses('MEMBER-CELL'));

  it('is refused an arrival before the departure (MEMBER-DATE)', () =>
    spec
      .given(...officialTransfer)
      .when(arrive({ effectiveDate: '2025-03-31' }))
      .thenRefuses('MEMBER-DATE'));

  it('is refused the arrival of another transfer (MEMBER-STATE)', () =>
    spec
      .given(...officialTransfer)
      .when(arrive({ transferId: 't-2' }))
      .thenRefuses('MEMBER-STATE'));
});

describe('a member on a temporary transfer', () => {
  const temporary = [...anOfficialMember(), transferStarted('temporary', '2025-04-01')];

  it('attends the temporary cell on arrival but stays in the home count (TRF-6)', () => {
    const state = spec.given(...temporary, arrived('temporary', '2025-04-10')).state;
    expect(countedInCell(state)).toBe('cell-1');
    expect(state.status === 'official' && state.transfer?.arrivedOn).toBe('2025-04-10');
  });

  it('is refused a second arrival (MEMBER-STATE)', () =>
    spec
      .given(...temporary, arrived('temporary', '2025-04-10'))
      .when(arrive())
      .thenRefuses('MEMBER-STATE'));
});

describe('a member not in transit', () => {
  it('is refused an arrival (MEMBER-STATE)', () =>
    spec
      .given(...anOfficialMember())
      .when(arrive())
      .thenRefuses('MEMBER-STATE'));
});

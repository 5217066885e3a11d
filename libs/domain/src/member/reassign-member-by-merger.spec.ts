import {
  aCandidate,
  aCell,
  anOfficialMember,
  arrived,
  disciplined,
  exited,
  spec,
  TODAY,
  transferStarted,
} from './member.fixtures';
import { countedInCell } from './member.rules';
import { evolve, Member } from './member.state';
import { ReassignMemberByMerger, reassignMemberByMerger } from './reassign-member-by-merger';

const command: ReassignMemberByMerger = {
  memberId: 'm-1',
  toCellId: 'cell-9',
  mergerOf: 'cell-1',
  decisionRef: '5-QĐ/ĐU',
  effectiveDate: '2025-05-01',
};
const reassign =
  (changes: Partial<ReassignMemberByMerger> = {}, toCell = aCell('cell-9')) =>
  (state: Member) =>
    reassignMemberByMerger({ ...command, ...changes }, state, { today: TODAY, toCell });

describe('a member of a merged cell', () => {
  it('is registered in the cell it merged into', () =>
    spec
      .given(...anOfficialMember())
      .when(reassign())
      .then([
        {
          type: 'MemberReassigned',
          data: {
            memberId: 'm-1',
            fromCellId: 'cell-1',
            toCellId: 'cell-9',
            mergerOf: 'cell-1',
            decisionRef: '5-QĐ/ĐU',
          },
          effectiveDate: '2025-05-01',
        },
      ]));

  it('moves with the cell while a discipline is in force: not a transfer (DIS-12)', () =>
    spec
      .given(...anOfficialMember(), disciplined('warning', '2025-03-01'))
      .when(reassign())
      .thenMatches([{ type: 'MemberReassigned' }]));

  it('keeps a temporary transfer, now from the new home cell (TRF-6)', () => {
    const away = spec.given(
      ...anOfficialMember(),
      transferStarted('temporary', '2025-03-01'),
      arrived('temporary', '2025-03-05'),
    ).state;
    const [event] = reassignMemberByMerger(command, away, { today: TODAY, toCell: aCell('cell-9') });
    const after = evolve(away, event);
    expect(countedInCell(after)).toBe('cell-9');
    expect(after).toMatchObject({ transfer: { fromCellId: 'cell-9', toCellId: 'cell-2' } });
  });

  it('appends nothing when already registered there (the merger ran before)', () =>
    spec
      .given(...anOfficialMember())
      .when(reassign({ toCellId: 'cell-1' }, aCell('cell-1')))
      .then([]));

  it('is refused a target that is not an active cell (MEMBER-CELL)', () =>
    spec
      .given(...anOfficialMember())
      .when(reassign({}, aCell('cell-9', { active: false })))
      .thenRefuses('MEMBER-CELL'));
});

describe('a candidate of a merged cell', () => {
  it('moves with the cell', () =>
    spec
      .given(...aCandidate())
      .when(reassign())
      .thenMatches([{ data: { fromCellId: 'cell-1' } }]));
});

describe('a former member', () => {
  it('is refused: only current members move with a cell (MEMBER-STATE)', () =>
    spec
      .given(...anOfficialMember(), exited('2025-01-01'))
      .when(reassign())
      .thenRefuses('MEMBER-STATE'));
});

import { aCandidate, aCell, spec, TODAY } from './member.fixtures';
import { NominateCandidate, nominateCandidate } from './nominate-candidate';

const command: NominateCandidate = {
  memberId: 'm-1',
  fullName: 'Nguyễn Văn A',
  birthDate: '2000-02-01',
  cellId: 'cell-1',
  effectiveDate: '2025-05-01',
};
const nominate =
  (cmd = command, cell = aCell()) =>
  () =>
    nominateCandidate(cmd, { status: 'none' }, { today: TODAY, cell });

describe('a person not yet on the ledger', () => {
  it('is nominated as a candidate of an active cell', () =>
    spec
      .given()
      .when(nominate())
      .then([
        {
          type: 'CandidateNominated',
          data: { memberId: 'm-1', fullName: 'Nguyễn Văn A', birthDate: '2000-02-01', cellId: 'cell-1' },
          effectiveDate: '2025-05-01',
        },
      ]));

  it('is nominated in a base cell (MEMBER-CELL)', () =>
    spec
      .given()
      .when(nominate(command, aCell('cell-1', { kind: 'base_cell' })))
      .thenMatches([{ type: 'CandidateNominated' }]));

  it('is refused in an organization that is not a cell (MEMBER-CELL)', () =>
    spec
      .given()
      .when(nominate(command, aCell('cell-1', { kind: 'base_committee' })))
      .thenRefuses('MEMBER-CELL'));

  it('is refused in a cell merged or dissolved by then (MEMBER-CELL)', () =>
    spec
      .given()
      .when(nominate(command, aCell('cell-1', { active: false })))
      .thenRefuses('MEMBER-CELL'));

  it('is refused a nomination dated after today (MEMBER-DATE)', () =>
    spec
      .given()
      .when(nominate({ ...command, effectiveDate: '2025-06-02' }))
      .thenRefuses('MEMBER-DATE'));

  it('is refused with a birth date not on the calendar (MEMBER-DATE)', () =>
    spec
      .given()
      .when(nominate({ ...command, birthDate: '2000-02-30' }))
      .thenRefuses('MEMBER-DATE'));
});

describe('a candidate already on the ledger', () => {
  it('is refused a second nomination under the same id (MEMBER-EXISTS)', () =>
    spec
      .given(...aCandidate())
      .when((state) => nominateCandidate(command, state, { today: TODAY, cell: aCell() }))
      .thenRefuses('MEMBER-EXISTS'));
});

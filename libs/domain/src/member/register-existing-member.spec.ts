import { aCell, anOfficialMember, spec, TODAY } from './member.fixtures';
import { RegisterExistingMember, registerExistingMember } from './register-existing-member';

const command: RegisterExistingMember = {
  memberId: 'm-1',
  fullName: 'Trần Thị B',
  birthDate: '1960-01-01',
  cellId: 'cell-1',
  admittedOn: '1985-06-01',
  officialOn: '1986-06-01',
  effectiveDate: '2025-01-01',
};
const register =
  (cmd: RegisterExistingMember = command) =>
  () =>
    registerExistingMember(cmd, { status: 'none' }, { today: TODAY, cell: aCell() });

describe('a member known only from paper records', () => {
  it('is registered as official with both recorded dates', () =>
    spec
      .given()
      .when(register())
      .then([
        {
          type: 'MemberRegisteredFromRecords',
          data: {
            memberId: 'm-1',
            fullName: 'Trần Thị B',
            birthDate: '1960-01-01',
            cellId: 'cell-1',
            admittedOn: '1985-06-01',
            officialOn: '1986-06-01',
          },
          effectiveDate: '2025-01-01',
        },
      ]));

  it('is registered as probationary without an official date', () =>
    spec
      .given()
      .when(register({ ...command, admittedOn: '2024-09-01', officialOn: undefined }))
      .thenMatches([{ data: { admittedOn: '2024-09-01' } }]));

  it('is refused an official date before 12 months of probation (PRB-1)', () =>
    spec
      .given()
      .when(register({ ...command, officialOn: '1986-05-31' }))
      .thenRefuses('PRB-1'));

  it('is refused an official date after the registration date (MEMBER-DATE)', () =>
    spec
      .given()
      .when(register({ ...command, effectiveDate: '1986-01-01' }))
      .thenRefuses('MEMBER-DATE'));

  it('is refused a registration dated before the admission (MEMBER-DATE)', () =>
    spec
      .given()
      .when(register({ ...command, effectiveDate: '1985-05-31', officialOn: undefined }))
      .thenRefuses('MEMBER-DATE'));

  it('is refused in an organization that is not a cell (MEMBER-CELL)', () =>
    spec
      .given()
      .when(() =>
        registerExistingMember(
          command,
          { status: 'none' },
          { today: TODAY, cell: aCell('cell-1', { kind: 'sub_committee' }) },
        ),
      )
      .thenRefuses('MEMBER-CELL'));
});

describe('a member already on the ledger', () => {
  it('is refused registration from records (MEMBER-EXISTS)', () =>
    spec
      .given(...anOfficialMember())
      .when((state) => registerExistingMember(command, state, { today: TODAY, cell: aCell() }))
      .thenRefuses('MEMBER-EXISTS'));
});

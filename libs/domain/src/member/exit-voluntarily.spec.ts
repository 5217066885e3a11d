import { ExitVoluntarily, exitVoluntarily } from './exit-voluntarily';
import { anOfficialMember, disciplined, exited, spec, TODAY } from './member.fixtures';
import { Member } from './member.state';

const command: ExitVoluntarily = { memberId: 'm-1', decisionRef: '31-QĐ/ĐU', effectiveDate: '2025-05-01' };
const leave =
  (pendingDisciplineCaseIds: string[] = [], changes: Partial<ExitVoluntarily> = {}) =>
  (state: Member) =>
    exitVoluntarily({ ...command, ...changes }, state, { today: TODAY, pendingDisciplineCaseIds });

describe('an official member without breaches', () => {
  it('leaves at their own request (REM-4)', () =>
    spec
      .given(...anOfficialMember())
      .when(leave())
      .then([
        {
          type: 'MemberExited',
          data: { memberId: 'm-1', decisionRef: '31-QĐ/ĐU', regulation: 'QĐ232' },
          effectiveDate: '2025-05-01',
        },
      ]));

  it('leaves once an old reprimand has lapsed (REM-4, DIS-11)', () =>
    spec
      .given(...anOfficialMember(), disciplined('reprimand', '2024-01-10'))
      .when(leave())
      .thenMatches([{ type: 'MemberExited' }]));
});

describe('a member facing discipline', () => {
  it('is refused while a discipline case is pending (REM-4)', () =>
    spec
      .given(...anOfficialMember())
      .when(leave(['case-7']))
      .thenRefuses('REM-4'));

  it('is refused while a discipline is in force (REM-4)', () =>
    spec
      .given(...anOfficialMember(), disciplined('warning', '2025-02-01'))
      .when(leave())
      .thenRefuses('REM-4'));
});

describe('a member who already left', () => {
  it('is refused a second exit (MEMBER-STATE)', () =>
    spec
      .given(...anOfficialMember(), exited('2025-01-01'))
      .when(leave())
      .thenRefuses('MEMBER-STATE'));
});

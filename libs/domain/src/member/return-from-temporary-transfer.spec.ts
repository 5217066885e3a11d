import { anOfficialMember, arrived, spec, TODAY, transferStarted } from './member.fixtures';
import { Member } from './member.state';
import { ReturnFromTemporaryTransfer, returnFromTemporaryTransfer } from './return-from-temporary-transfer';

const command: ReturnFromTemporaryTransfer = {
  memberId: 'm-1',
  transferId: 't-1',
  effectiveDate: '2025-05-20',
};
const comeBack =
  (changes: Partial<ReturnFromTemporaryTransfer> = {}) =>
  (state: Member) =>
    returnFromTemporaryTransfer({ ...command, ...changes }, state, { today: TODAY });

describe('a member on a temporary transfer', () => {
  const away = [
    ...anOfficialMember(),
    transferStarted('temporary', '2025-01-01'),
    arrived('temporary', '2025-01-10'),
  ];

  it('returns to the home cell', () =>
    spec
      .given(...away)
      .when(comeBack())
      .then([
        {
          type: 'MemberReturnedFromTemporaryTransfer',
          data: { memberId: 'm-1', transferId: 't-1', fromCellId: 'cell-2', toCellId: 'cell-1' },
          effectiveDate: '2025-05-20',
        },
      ]));

  it('is refused a return dated before the arrival (MEMBER-DATE)', () =>
    spec
      .given(...away)
      .when(comeBack({ effectiveDate: '2025-01-09' }))
      .thenRefuses('MEMBER-DATE'));
});

describe('a member on an official transfer', () => {
  it('is refused a return: an official transfer ends at the new cell (MEMBER-STATE)', () =>
    spec
      .given(...anOfficialMember(), transferStarted('official', '2025-01-01'))
      .when(comeBack())
      .thenRefuses('MEMBER-STATE'));
});

import { admitted, madeOfficial, nominated, TODAY } from '../member/member.fixtures';
import { CorrectRecord, correctRecord } from './correct-record';
import { Recorded, correction, foldMember, recorded, retraction, stream } from './corrections.fixtures';

const nomination = recorded('e-1', nominated()); // 2023-01-10
const admission = recorded('e-2', admitted()); // 2023-03-15, cell-1
const recognition = recorded('e-3', madeOfficial()); // 2024-03-15
const aMember = [nomination, admission, recognition];

const reason = 'the decision names cell-2';
const command: CorrectRecord = { streamId: 'member-m-1', correctedEventId: 'e-2', reason };
const correct =
  (changes: Partial<CorrectRecord> = {}, fold: (events: Recorded[]) => unknown = foldMember) =>
  (events: Recorded[]) =>
    correctRecord({ ...command, ...changes }, events, { today: TODAY, fold });

describe('a recorded admission', () => {
  it('is corrected to another cell, the correction dated today', () =>
    stream
      .given(...aMember)
      .when(correct({ changes: { cellId: 'cell-2' } }))
      .then([
        {
          type: 'RecordCorrected',
          data: { correctedEventId: 'e-2', changes: { cellId: 'cell-2' }, reason },
          effectiveDate: TODAY,
        },
      ]));

  it('is corrected to another effective date', () =>
    stream
      .given(...aMember)
      .when(correct({ effectiveDate: '2023-03-20', changes: { ceremonyDate: '2023-03-20' } }))
      .then([
        {
          type: 'RecordCorrected',
          data: {
            correctedEventId: 'e-2',
            effectiveDate: '2023-03-20',
            changes: { ceremonyDate: '2023-03-20' },
            reason,
          },
          effectiveDate: TODAY,
        },
      ]));

  it('is retracted', () =>
    stream
      .given(...aMember)
      .when(correct({ retract: true }))
      .then([{ type: 'RecordRetracted', data: { retractedEventId: 'e-2', reason }, effectiveDate: TODAY }]));

  it('is corrected only after the corrected stream has been folded', () => {
    const fold = jest.fn(foldMember);
    correctRecord({ ...command, changes: { cellId: 'cell-2' } }, aMember, { today: TODAY, fold });
    expect(fold).toHaveBeenCalledTimes(1);
    expect(fold.mock.results[0].value).toMatchObject({ status: 'official', cellId: 'cell-2' });
  });

  it('is refused a change to whose record it is (CORRECTION-FIELDS)', () =>
    stream
      .given(...aMember)
      .when(correct({ changes: { memberId: 'm-2' } }))
      .thenRefuses('CORRECTION-FIELDS'));

  it('is refused a field it does not have (CORRECTION-FIELDS)', () =>
    stream
      .given(...aMember)
      .when(correct({ changes: { fullName: 'Nguyễn Văn B' } }))
      .thenRefuses('CORRECTION-FIELDS'));

  it('is refused a retraction that also changes fields (CORRECTION-FIELDS)', () =>
    stream
      .given(...aMember)
      .when(correct({ retract: true, changes: { cellId: 'cell-2' } }))
      .thenRefuses('CORRECTION-FIELDS'));

  it('is refused a correction with nothing in it (CORRECTION-EMPTY)', () =>
    stream
      .given(...aMember)
      .when(correct({ changes: {} }))
      .thenRefuses('CORRECTION-EMPTY'));

  it('is refused a correction to the values it already has (CORRECTION-EMPTY)', () =>
    stream
      .given(...aMember)
      .when(correct({ effectiveDate: '2023-03-15', changes: { cellId: 'cell-1' } }))
      .thenRefuses('CORRECTION-EMPTY'));

  it('is refused an effective date not on the calendar (CORRECTION-DATE)', () =>
    stream
      .given(...aMember)
      .when(correct({ effectiveDate: '2023-02-30' }))
      .thenRefuses('CORRECTION-DATE'));

  it('is refused an effective date after today (CORRECTION-DATE)', () =>
    stream
      .given(...aMember)
      .when(correct({ effectiveDate: '2025-06-02' }))
      .thenRefuses('CORRECTION-DATE'));

  it('is refused a date field corrected to a day not on the calendar (CORRECTION-DATE)', () =>
    stream
      .given(...aMember)
      .when(correct({ changes: { decisionDate: '2023-02-29' } }))
      .thenRefuses('CORRECTION-DATE'));

  it('is refused an effective date before the nomination it follows (CORRECTION-ORDER)', () =>
    stream
      .given(...aMember)
      .when(correct({ effectiveDate: '2023-01-09' }))
      .thenRefuses('CORRECTION-ORDER'));

  it('is refused when the corrected stream does not fold (CORRECTION-ORDER)', () =>
    stream
      .given(...aMember)
      .when(
        correct({ changes: { cellId: 'cell-2' } }, () => {
          throw new Error('no upcaster for this shape');
        }),
      )
      .thenRefuses('CORRECTION-ORDER'));

  it('is refused as the target of another stream (CORRECTION-TARGET)', () =>
    stream
      .given(nomination, { ...admission, streamId: 'member-m-2' })
      .when(correct({ changes: { cellId: 'cell-2' } }))
      .thenRefuses('CORRECTION-TARGET'));
});

describe('the first record of a stream', () => {
  it('may move earlier', () =>
    stream
      .given(...aMember)
      .when(correct({ correctedEventId: 'e-1', effectiveDate: '2023-01-05' }))
      .then([
        {
          type: 'RecordCorrected',
          data: { correctedEventId: 'e-1', effectiveDate: '2023-01-05', reason },
          effectiveDate: TODAY,
        },
      ]));
});

describe('a stream without the event named', () => {
  it('is refused the correction (CORRECTION-TARGET)', () =>
    stream
      .given(...aMember)
      .when(correct({ correctedEventId: 'e-9', changes: { cellId: 'cell-2' } }))
      .thenRefuses('CORRECTION-TARGET'));
});

describe('an admission corrected before', () => {
  const corrected = correction('c-1', { correctedEventId: 'e-2', changes: { cellId: 'cell-2' } });

  it('is corrected again, the new correction carrying the earlier one', () =>
    stream
      .given(...aMember, corrected)
      .when(correct({ effectiveDate: '2023-03-20' }))
      .then([
        {
          type: 'RecordCorrected',
          data: {
            correctedEventId: 'e-2',
            effectiveDate: '2023-03-20',
            changes: { cellId: 'cell-2' },
            reason,
          },
          effectiveDate: TODAY,
        },
      ]));

  it('is refused a correction to the value it was corrected to (CORRECTION-EMPTY)', () =>
    stream
      .given(...aMember, corrected)
      .when(correct({ changes: { cellId: 'cell-2' } }))
      .thenRefuses('CORRECTION-EMPTY'));

  it('cannot have its correction corrected (CORRECTION-TARGET)', () =>
    stream
      .given(...aMember, corrected)
      .when(correct({ correctedEventId: 'c-1', changes: { reason: 'other' } }))
      .thenRefuses('CORRECTION-TARGET'));
});

describe('a retracted record', () => {
  it('is refused a correction (CORRECTION-TARGET)', () =>
    stream
      .given(...aMember, retraction('r-1', 'e-2'))
      .when(correct({ changes: { cellId: 'cell-2' } }))
      .thenRefuses('CORRECTION-TARGET'));

  it('is refused a second retraction (CORRECTION-TARGET)', () =>
    stream
      .given(...aMember, retraction('r-1', 'e-2'))
      .when(correct({ retract: true }))
      .thenRefuses('CORRECTION-TARGET'));
});

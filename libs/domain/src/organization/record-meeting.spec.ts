import { EntityNotFound } from '../shared/rule-violation';
import { decider } from '../testing/given-when-then';
import { MeetingKind } from './organization.events';
import { dissolved, established } from './organization.fixtures';
import { Organization, evolve, initialState } from './organization.state';
import { RecordMeeting, recordMeeting } from './record-meeting';

const spec = decider(evolve, initialState);
const cell = established('c', 'cell', 'b');
const meeting: RecordMeeting = {
  organizationId: 'c',
  meetingKind: 'regular',
  heldOn: '2025-03-05',
  expected: 20,
  present: 18,
};
const when =
  (patch: Partial<RecordMeeting> = {}, today = '2025-03-10') =>
  (state: Organization) =>
    recordMeeting({ ...meeting, ...patch }, state, { today });

describe('an active cell', () => {
  it('records a regular meeting held on a past date (MTG-KIND)', () =>
    spec
      .given(cell)
      .when(when())
      .then([
        {
          type: 'MeetingHeld',
          data: {
            organizationId: 'c',
            meetingKind: 'regular',
            heldOn: '2025-03-05',
            expected: 20,
            present: 18,
          },
          effectiveDate: '2025-03-05',
        },
      ]));

  it('records a thematic meeting (MTG-KIND)', () =>
    spec
      .given(cell)
      .when(when({ meetingKind: 'thematic' }))
      .thenMatches([{ data: { meetingKind: 'thematic' } }]));

  it('is refused a meeting of another kind (MTG-KIND)', () =>
    spec
      .given(cell)
      .when(when({ meetingKind: 'congress' as MeetingKind }))
      .thenRefuses('MTG-KIND'));

  it('records a meeting held today (MTG-FUTURE)', () =>
    spec
      .given(cell)
      .when(when({}, '2025-03-05'))
      .thenMatches([{ effectiveDate: '2025-03-05' }]));

  it('is refused a meeting dated after today (MTG-FUTURE)', () =>
    spec.given(cell).when(when({}, '2025-03-04')).thenRefuses('MTG-FUTURE'));

  it('records full attendance (MTG-4)', () =>
    spec
      .given(cell)
      .when(when({ present: 20 }))
      .thenMatches([{ data: { present: 20 } }]));

  it('records a meeting nobody attended (MTG-4)', () =>
    spec
      .given(cell)
      .when(when({ present: 0 }))
      .thenMatches([{ data: { present: 0 } }]));

  it('is refused more present than expected (MTG-4)', () =>
    spec
      .given(cell)
      .when(when({ present: 21 }))
      .thenRefuses('MTG-4'));

  it('is refused a meeting with nobody expected (MTG-4)', () =>
    spec
      .given(cell)
      .when(when({ expected: 0, present: 0 }))
      .thenRefuses('MTG-4'));

  it('is refused a fractional or negative attendance (MTG-4)', () => {
    spec
      .given(cell)
      .when(when({ present: 2.5 }))
      .thenRefuses('MTG-4');
    spec
      .given(cell)
      .when(when({ present: -1 }))
      .thenRefuses('MTG-4');
  });
});

describe('a dissolved cell', () => {
  it('is refused a meeting held after its dissolution (ORG-STATE)', () =>
    spec.given(cell, dissolved('c', '2025-03-01')).when(when()).thenRefuses('ORG-STATE'));

  it('records a meeting held before its dissolution (ORG-STATE)', () =>
    spec
      .given(cell, dissolved('c', '2025-03-06'))
      .when(when())
      .thenMatches([{ type: 'MeetingHeld' }]));
});

describe('an organization that does not exist', () => {
  it('is not found', () =>
    expect(() => recordMeeting(meeting, initialState, { today: '2025-03-10' })).toThrow(EntityNotFound));
});

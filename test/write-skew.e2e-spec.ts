import { EVENT_STORE, EventStore, StreamAppend } from '../libs/event-store/src';
import { client } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/**
 * A dissolution decides on the members it found; a registration into the same cell that commits
 * between that decision and its append must make the dissolution decide again (and be refused).
 */
/** A cell in a commune of a province of its own, established on 2000-01-01. */
async function newCell(http: ReturnType<typeof client>): Promise<string> {
  const province = await http.establish('provincial_committee', undefined, '2000-01-01');
  const commune = await http.establish('base_committee', province, '2000-01-01');
  return http.establish('cell', commune, '2000-01-01');
}

describe('a dissolution racing a registration into the same cell', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('is decided again and refused: no dissolved cell keeps an active member', async () => {
    const http = client(t);
    const cell = await newCell(http);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const appendMany = store.appendMany.bind(store);
    let raced = false;
    store.appendMany = async (appends: StreamAppend[], options) => {
      if (!raced && appends.some((a) => a.events.some((e) => e.type === 'OrganizationDissolved'))) {
        raced = true;
        const registered = await http.post('/api/members/existing', {
          fullName: 'Đinh Văn Tám',
          birthDate: '1970-01-01',
          cellId: cell,
          admittedOn: '2000-01-01',
          officialOn: '2001-01-01',
          effectiveDate: '2001-01-01',
        });
        expect(registered.status).toBe(201);
      }
      return appendMany(appends, options);
    };
    const head = store.head.bind(store);
    let headReads = 0;
    store.head = () => (headReads++, head());
    const res = await http.post(`/api/organizations/${cell}/dissolution`, { effectiveDate: '2024-01-01' });
    store.appendMany = appendMany;
    store.head = head;
    expect(raced).toBe(true);
    // Its guards need the head as it was before the decision: read for each decision that had them.
    expect(headReads).toBeGreaterThanOrEqual(2);
    expect(res.status).toBe(422);
    expect(res.body.ruleId).toBe('ORG-DISSOLVE-NONEMPTY');
    expect((await http.get(`/api/organizations/${cell}`).expect(200)).body.status).toBe('active');
  });

  it('does not read the head for a command without references (a meeting)', async () => {
    const http = client(t);
    const cell = await newCell(http);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const head = store.head.bind(store);
    let headReads = 0;
    store.head = () => (headReads++, head());
    const res = await http.post(`/api/organizations/${cell}/meetings`, {
      meetingKind: 'regular',
      heldOn: '2020-03-01',
      expected: 10,
      present: 9,
    });
    store.head = head;
    expect(res.status).toBe(201);
    expect(headReads).toBe(0);
  });
});

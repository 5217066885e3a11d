import { PoolClient } from 'pg';
import { applyCorrections } from '@ledger/domain';
import { StoredEvent } from '@ledger/event-store';
import { Projector } from '../projector';
import { caseTimeline } from './case-rows';
import { closureOf, OrgRow } from './closure';
import { FlowRow, memberFlows, memberRatings, MemberRow, MemberRows, memberTimeline } from './member-rows';
import {
  MeetingRow,
  organizationMeetings,
  organizationRatings,
  OrganizationRows,
  organizationTimeline,
} from './organization-rows';
import { Cell, RowVersions } from './row-versions';
import { byStream, StreamCache, StreamState } from './stream-cache';
import { LIVE_PREFIX, ReadModelTables, readModelTables } from './tables';
import { INFINITY, Segment } from './timeline';

const ORG = 'organization-';
const MEMBER = 'member-';
const CASE = 'discipline-case-';

/**
 * Keeps the bitemporal read models of SEMANTICS.md. Events recorded together (one recordedAt)
 * are applied together: for each stream they touch, the stream is replayed as known once the log
 * reached them (corrections applied) and its rows become a new version when they changed; when an
 * organization's timeline changed, the closure of every organization below it is recomputed.
 * Each batch reads what it needs in a few queries and writes each table in three (RowVersions).
 */
export class LedgerProjector implements Projector {
  private readonly t: ReadModelTables;
  private readonly cache: StreamCache;
  /** The tables' current rows of the entities seen, kept between batches as long as the stream cache is. */
  private rows: Tables;

  /**
   * `prefix` 'rm_' is the live tables; a rebuild passes its own prefix and checkpoint name.
   * `streamLimit`: how many streams are kept between batches at most (tests set it low).
   */
  constructor(
    prefix = LIVE_PREFIX,
    readonly name = 'ledger',
    streamLimit?: number,
  ) {
    this.cache = new StreamCache(streamLimit);
    this.t = readModelTables(prefix);
    this.rows = this.tables();
  }

  async apply(client: PoolClient, batch: StoredEvent[]): Promise<void> {
    const { tables, continuedFrom } = await this.compute(client, batch);
    for (const table of Object.values(tables)) await table.flush(client, continuedFrom);
    for (const table of Object.values(tables)) table.committed();
    this.cache.end(batch);
  }

  /**
   * Computes the batch (reading what it needs on `reader`, outside any write transaction) and
   * returns the step that writes it. The next batch may be computed before that step runs: its
   * reads never need this batch's rows (they are held in memory), only its writes must come after.
   */
  async prepare(reader: PoolClient, batch: StoredEvent[]): Promise<(writer: PoolClient) => Promise<void>> {
    const { tables, continuedFrom } = await this.compute(reader, batch);
    if (continuedFrom !== undefined)
      throw new Error('LedgerProjector.prepare: this batch carries on a split append; apply it instead');
    const pending = Object.values(tables).map((table) => ({ table, rows: table.detach() }));
    this.cache.end(batch);
    return async (writer) => {
      for (const { table, rows } of pending) await table.write(writer, rows);
    };
  }

  /** The batch's changes, held in the tables' RowVersions until written. */
  private async compute(
    client: PoolClient,
    batch: StoredEvent[],
  ): Promise<{ tables: Tables; continuedFrom: string | undefined }> {
    if (!(await this.cache.begin(client, batch))) this.rows = this.tables();
    const tables = this.rows;
    // Streams the cache let go: their rows go too (member and case ids never name an organization).
    const letGo = this.cache.takeLetGo().map(entityId);
    if (letGo.length > 0) for (const table of Object.values(tables)) table.forget(letGo);
    const continuedFrom = await this.cache.continuedFrom(client, batch);
    const streams = [...new Set(batch.map((e) => e.streamId))];
    const ids = (prefix: string) =>
      streams.filter((s) => s.startsWith(prefix)).map((s) => s.slice(prefix.length));
    const orgIds = ids(ORG);
    const memberIds = ids(MEMBER);
    // One client runs one query at a time (pg queues concurrent ones and deprecates doing so).
    // Rows already held are not loaded again.
    await tables.orgTimeline.load(client, orgIds);
    await tables.meetings.load(client, orgIds);
    await tables.memberTimeline.load(client, memberIds);
    await tables.memberFlows.load(client, memberIds);
    await tables.ratings.load(client, [...orgIds, ...memberIds]);
    await tables.caseTimeline.load(client, ids(CASE));
    // The whole tree is loaded only when an organization's timeline changes (rare), not for meetings.
    let tree: { all: string[] } | undefined;

    for (const group of byRecordedAt(batch)) {
      const at = group[0].recordedAt;
      const changedOrgs: string[] = [];
      for (const [streamId, events] of byStream(group)) {
        const state = await this.cache.advance(client, streamId, events);
        if (streamId.startsWith(ORG)) {
          const id = streamId.slice(ORG.length);
          if (this.organization(tables, id, state, at)) changedOrgs.push(id);
        } else if (streamId.startsWith(MEMBER)) {
          this.member(tables, streamId.slice(MEMBER.length), state, at);
        } else if (streamId.startsWith(CASE)) {
          tables.caseTimeline.set(
            streamId.slice(CASE.length),
            caseTimeline(applyCorrections(state.events ?? [])).map((s) => {
              const v = s.value;
              return [
                v.subjectKind,
                v.subjectId,
                v.openedBy,
                v.openedOn,
                v.status,
                v.form,
                v.decisionRef,
                s.validFrom,
                s.validTo,
              ];
            }),
            at,
          );
        }
        state.fresh = false;
      }
      if (changedOrgs.length > 0) {
        tree ??= await this.tree(client, tables);
        await this.closures(client, tables, tree, changedOrgs, at);
      }
    }
    return { tables, continuedFrom };
  }

  private tables() {
    const spec = (table: string, idColumn: string, columns: [string, string][]) =>
      new RowVersions({ table, idColumn, columns });
    const known = ['valid_from', 'date'] as [string, string];
    return {
      orgTimeline: spec(this.t.orgTimeline, 'org_id', [
        ['status', 'text'],
        ['kind', 'text'],
        ['name', 'text'],
        ['parent_id', 'text'],
        known,
        ['valid_to', 'date'],
      ]),
      orgClosure: spec(this.t.orgClosure, 'org_id', [['ancestor_id', 'text'], known, ['valid_to', 'date']]),
      memberTimeline: spec(this.t.memberTimeline, 'member_id', [
        ['status', 'text'],
        ['full_name', 'text'],
        ['registered_cell_id', 'text'],
        ['counted_cell_id', 'text'],
        ['exempt_from', 'date'],
        ['exempt_until', 'date'],
        known,
        ['valid_to', 'date'],
      ]),
      memberFlows: spec(this.t.memberFlows, 'member_id', [
        ['event_id', 'text'],
        ['position', 'bigint'],
        ['type', 'text'],
        ['kind', 'text'],
        ['effective_date', 'date'],
        ['cell_id', 'text'],
        ['other_cell_id', 'text'],
        ['form', 'text'],
        ['decision_ref', 'text'],
      ]),
      ratings: spec(this.t.ratings, 'subject_id', [
        ['subject', 'text'],
        ['year', 'integer'],
        ['rating', 'text'],
      ]),
      caseTimeline: spec(this.t.caseTimeline, 'case_id', [
        ['subject_kind', 'text'],
        ['subject_id', 'text'],
        ['opened_by', 'text'],
        ['opened_on', 'date'],
        ['status', 'text'],
        ['form', 'text'],
        ['decision_ref', 'text'],
        known,
        ['valid_to', 'date'],
      ]),
      meetings: spec(this.t.meetings, 'org_id', [
        ['event_id', 'text'],
        ['meeting_kind', 'text'],
        ['held_on', 'date'],
        ['expected', 'integer'],
        ['present', 'integer'],
      ]),
    };
  }

  /** Writes the organization's rows; returns whether its place in the tree changed. */
  private organization(t: Tables, id: string, state: StreamState, at: string): boolean {
    const kept = state.rows instanceof OrganizationRows ? state.rows : undefined;
    if (kept && !state.fresh && state.sent) {
      // Kept rows: only what the new events changed (a meeting, a year's rating) is written.
      const treeChanged = kept.takeTreeChanged() && t.orgTimeline.set(id, kept.timeline().map(orgCells), at);
      t.meetings.change(id, [], kept.meetings().slice(state.sent.meetings).map(meetingCells), at);
      this.ratingsChanged(t, id, 'organization', state.sent.ratings, kept.ratings(), at);
      state.sent = { flows: 0, meetings: kept.meetings().length, ratings: kept.ratings() };
      return treeChanged;
    }
    const events = kept ? undefined : applyCorrections(state.events ?? []);
    const timeline = kept ? kept.timeline() : organizationTimeline(events!);
    const ratings = kept ? kept.ratings() : organizationRatings(events!);
    const meetings = kept ? kept.meetings() : organizationMeetings(events!);
    const changed = t.orgTimeline.set(id, timeline.map(orgCells), at);
    t.ratings.set(id, ratingRows('organization', ratings), at);
    t.meetings.set(id, meetings.map(meetingCells), at);
    if (kept) {
      kept.takeTreeChanged();
      state.sent = { flows: 0, meetings: kept.meetings().length, ratings: kept.ratings() };
    }
    return changed;
  }

  private member(t: Tables, id: string, state: StreamState, at: string): void {
    const kept = state.rows instanceof MemberRows ? state.rows : undefined;
    if (kept && !state.fresh && state.sent) {
      if (kept.takeTimelineChanged()) t.memberTimeline.set(id, kept.timeline().map(memberCells), at);
      t.memberFlows.change(id, [], kept.flows().slice(state.sent.flows).map(flowCells), at);
      this.ratingsChanged(t, id, 'member', state.sent.ratings, kept.ratings(), at);
      state.sent = { flows: kept.flows().length, meetings: 0, ratings: kept.ratings() };
      return;
    }
    const events = kept ? undefined : applyCorrections(state.events ?? []);
    t.memberTimeline.set(id, (kept ? kept.timeline() : memberTimeline(events!)).map(memberCells), at);
    t.memberFlows.set(id, (kept ? kept.flows() : memberFlows(events!)).map(flowCells), at);
    t.ratings.set(id, ratingRows('member', kept ? kept.ratings() : memberRatings(events!)), at);
    if (kept) {
      kept.takeTimelineChanged();
      state.sent = { flows: kept.flows().length, meetings: 0, ratings: kept.ratings() };
    }
  }

  /** One year's rating changed (or a few): those rows, not the subject's every year. */
  private ratingsChanged(
    t: Tables,
    id: string,
    subject: string,
    before: Readonly<Record<number, string>>,
    after: Readonly<Record<number, string>>,
    at: string,
  ): void {
    if (before === after) return;
    const years = new Set([...Object.keys(before), ...Object.keys(after)].map(Number));
    const removed: Cell[][] = [];
    const added: Cell[][] = [];
    for (const year of years) {
      if (before[year] === after[year]) continue;
      if (before[year] !== undefined) removed.push([subject, year, before[year]]);
      if (after[year] !== undefined) added.push([subject, year, after[year]]);
    }
    t.ratings.change(id, removed, added, at);
  }

  /** Every organization's timeline, current closure rows loaded for every organization: the tree kept in memory for the batch. */
  private async tree(client: PoolClient, t: Tables): Promise<{ all: string[] }> {
    const all = await client.query<{ org_id: string }>(
      `SELECT DISTINCT org_id FROM ${this.t.orgTimeline} WHERE known_to = 'infinity'`,
    );
    // With the rows held in memory: those of a previous batch may not be committed yet (prepare).
    const ids = [...new Set([...all.rows.map((r) => r.org_id), ...t.orgTimeline.held()])];
    await t.orgTimeline.load(client, ids);
    await t.orgClosure.load(client, ids);
    return { all: ids };
  }

  private async closures(
    client: PoolClient,
    t: Tables,
    tree: { all: string[] },
    changed: string[],
    at: string,
  ): Promise<void> {
    for (const id of changed) if (!tree.all.includes(id)) tree.all.push(id);
    await t.orgClosure.load(client, changed);
    const timelines = new Map<string, Segment<OrgRow>[]>();
    for (const id of tree.all) {
      const rows = t.orgTimeline.rowsOf(id).map((r) => ({
        validFrom: String(r[4]),
        validTo: String(r[5] ?? INFINITY),
        value: {
          status: String(r[0]),
          kind: String(r[1]),
          name: String(r[2]),
          parentId: r[3] === null ? null : String(r[3]),
        },
      }));
      timelines.set(
        id,
        rows.sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1)),
      );
    }
    const changedSet = new Set(changed);
    const affected = tree.all.filter(
      (id) => changedSet.has(id) || t.orgClosure.rowsOf(id).some((r) => changedSet.has(String(r[0]))),
    );
    for (const id of affected)
      t.orgClosure.set(
        id,
        closureOf(id, timelines).map((c) => [c.ancestorId, c.validFrom, c.validTo] as Cell[]),
        at,
      );
  }
}

type Tables = ReturnType<LedgerProjector['tables']>;

const ratingRows = (subject: string, byYear: Readonly<Record<number, string>>): Cell[][] =>
  Object.entries(byYear).map(([year, rating]) => [subject, Number(year), rating]);

const orgCells = (s: Segment<OrgRow>): Cell[] => [
  s.value.status,
  s.value.kind,
  s.value.name,
  s.value.parentId,
  s.validFrom,
  s.validTo,
];

const meetingCells = (m: MeetingRow): Cell[] => [m.eventId, m.meetingKind, m.heldOn, m.expected, m.present];

const memberCells = (s: Segment<MemberRow>): Cell[] => [
  s.value.status,
  s.value.fullName,
  s.value.registeredCellId,
  s.value.countedCellId,
  s.value.exemptFrom,
  s.value.exemptUntil,
  s.validFrom,
  s.validTo,
];

const flowCells = (f: FlowRow): Cell[] => [
  f.eventId,
  f.position,
  f.type,
  f.kind,
  f.effectiveDate,
  f.cellId,
  f.otherCellId,
  f.form,
  f.decisionRef,
];

const entityId = (streamId: string): string =>
  [ORG, MEMBER, CASE].reduce(
    (id, prefix) => (id.startsWith(prefix) ? id.slice(prefix.length) : id),
    streamId,
  );

function byRecordedAt(batch: StoredEvent[]): StoredEvent[][] {
  const groups: StoredEvent[][] = [];
  for (const e of batch) {
    const last = groups[groups.length - 1];
    if (last && last[0].recordedAt === e.recordedAt) last.push(e);
    else groups.push([e]);
  }
  return groups;
}

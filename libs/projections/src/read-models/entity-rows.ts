import { applyCorrections, ratingFor, YearRatings } from '@ledger/domain';
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
import { ReadModelTables } from './tables';
import { StreamState } from './stream-cache';
import { INFINITY, Segment } from './timeline';

export type Cell = string | number | null;

/**
 * One bitemporal table's rows by entity, as far as the rules below need them: RowVersions (the
 * live projector's, against the database) and VersionedRows (a rebuild's, in memory) both are.
 */
export interface Versioned {
  /** The entity's rows as known from `at`; returns whether they changed. */
  set(id: string, rows: Cell[][], at: string): boolean;
  /** These rows no longer hold from `at`, these hold too; returns whether anything changed. */
  change(id: string, removed: readonly Cell[][], added: readonly Cell[][], at: string): boolean;
}

export interface TableSpec {
  table: string;
  idColumn: string;
  /** Columns besides the id and the known_from/known_to pair, with their PostgreSQL types. */
  columns: [name: string, type: string][];
}

/** The read models' tables: names, id column and row columns (one place for both writers). */
export function tableSpecs(t: ReadModelTables) {
  const spec = (table: string, idColumn: string, columns: [string, string][]): TableSpec => ({
    table,
    idColumn,
    columns,
  });
  const known = ['valid_from', 'date'] as [string, string];
  return {
    orgTimeline: spec(t.orgTimeline, 'org_id', [
      ['status', 'text'],
      ['kind', 'text'],
      ['name', 'text'],
      ['parent_id', 'text'],
      known,
      ['valid_to', 'date'],
    ]),
    orgClosure: spec(t.orgClosure, 'org_id', [['ancestor_id', 'text'], known, ['valid_to', 'date']]),
    memberTimeline: spec(t.memberTimeline, 'member_id', [
      ['status', 'text'],
      ['full_name', 'text'],
      ['registered_cell_id', 'text'],
      ['counted_cell_id', 'text'],
      ['exempt_from', 'date'],
      ['exempt_until', 'date'],
      known,
      ['valid_to', 'date'],
    ]),
    memberFlows: spec(t.memberFlows, 'member_id', [
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
    ratings: spec(t.ratings, 'subject_id', [
      ['subject', 'text'],
      ['year', 'integer'],
      ['rating', 'text'],
    ]),
    caseTimeline: spec(t.caseTimeline, 'case_id', [
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
    meetings: spec(t.meetings, 'org_id', [
      ['event_id', 'text'],
      ['meeting_kind', 'text'],
      ['held_on', 'date'],
      ['expected', 'integer'],
      ['present', 'integer'],
    ]),
  };
}

export type Specs = ReturnType<typeof tableSpecs>;
export type EntityTables<T extends Versioned = Versioned> = { [K in keyof Specs]: T };

export const ORG = 'organization-';
export const MEMBER = 'member-';
export const CASE = 'discipline-case-';

/** The entity a stream is of, as the tables name it (member and case ids never name an organization). */
export const entityId = (streamId: string): string =>
  [ORG, MEMBER, CASE].reduce(
    (id, prefix) => (id.startsWith(prefix) ? id.slice(prefix.length) : id),
    streamId,
  );

/**
 * Gives the tables what the stream's new state changed as known from `at`; returns whether an
 * organization's place in the tree changed (its closure, and that of what lies below, must follow).
 */
export function writeStream(t: EntityTables, streamId: string, state: StreamState, at: string): boolean {
  let treeChanged = false;
  if (streamId.startsWith(ORG)) treeChanged = organization(t, streamId.slice(ORG.length), state, at);
  else if (streamId.startsWith(MEMBER)) member(t, streamId.slice(MEMBER.length), state, at);
  else if (streamId.startsWith(CASE))
    t.caseTimeline.set(
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
  state.fresh = false;
  return treeChanged;
}

function organization(t: EntityTables, id: string, state: StreamState, at: string): boolean {
  const kept = state.rows instanceof OrganizationRows ? state.rows : undefined;
  if (kept && !state.fresh && state.sent) {
    // Kept rows: only what the new events changed (a meeting, a year's rating) is written.
    const treeChanged = kept.takeTreeChanged() && t.orgTimeline.set(id, kept.timeline().map(orgCells), at);
    t.meetings.change(id, [], kept.meetings().slice(state.sent.meetings).map(meetingCells), at);
    ratingsChanged(t, id, 'organization', state.sent.ratings, kept.ratings(), at);
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

function member(t: EntityTables, id: string, state: StreamState, at: string): void {
  const kept = state.rows instanceof MemberRows ? state.rows : undefined;
  if (kept && !state.fresh && state.sent) {
    if (kept.takeTimelineChanged()) t.memberTimeline.set(id, kept.timeline().map(memberCells), at);
    t.memberFlows.change(id, [], kept.flows().slice(state.sent.flows).map(flowCells), at);
    ratingsChanged(t, id, 'member', state.sent.ratings, kept.ratings(), at);
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
function ratingsChanged(
  t: EntityTables,
  id: string,
  subject: string,
  before: YearRatings,
  after: YearRatings,
  at: string,
): void {
  if (before === after) return;
  // The usual step: a year's rating appended to the same list (the fold keeps the earlier entries).
  if (after.length === before.length + 1 && before.every((r, i) => after[i] === r)) {
    t.ratings.change(id, [], ratingRows(subject, after.slice(before.length)), at);
    return;
  }
  const removed = before.filter((b) => ratingFor(after, b.year) !== b.rating);
  const added = after.filter((a) => ratingFor(before, a.year) !== a.rating);
  t.ratings.change(id, ratingRows(subject, removed), ratingRows(subject, added), at);
}

/**
 * After organizations' timelines changed at `at`: the closure rows, anew, of those organizations
 * and of every one that had one of them among its ancestors (the live projector after an instant
 * that moved organizations, the rebuild in recording order). `timelines`: every organization's.
 */
export function closuresAfter(
  closure: Versioned & { rowsOf(id: string): Cell[][] },
  organizations: Iterable<string>,
  timelines: ReadonlyMap<string, readonly Segment<OrgRow>[]>,
  changed: ReadonlySet<string>,
  at: string,
): void {
  for (const id of organizations)
    if (changed.has(id) || closure.rowsOf(id).some((r) => changed.has(String(r[0]))))
      closure.set(
        id,
        closureOf(id, timelines).map((c) => [c.ancestorId, c.validFrom, c.validTo]),
        at,
      );
}

/** An organization's timeline as the org_timeline table holds it (cells as text), for closures. */
export function orgTimelineOf(rows: readonly Cell[][]): Segment<OrgRow>[] {
  return rows
    .map((r) => ({
      validFrom: String(r[4]),
      validTo: String(r[5] ?? INFINITY),
      value: {
        status: String(r[0]),
        kind: String(r[1]),
        name: String(r[2]),
        parentId: r[3] === null ? null : String(r[3]),
      },
    }))
    .sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
}

const ratingRows = (subject: string, ratings: YearRatings): Cell[][] =>
  ratings.map((r) => [subject, r.year, r.rating]);

const orgCells = (s: Segment<OrgRow>): Cell[] => [
  s.value.status,
  s.value.kind,
  s.value.name,
  s.value.parentId,
  s.validFrom,
  s.validTo,
];

export const meetingCells = (m: MeetingRow): Cell[] => [
  m.eventId,
  m.meetingKind,
  m.heldOn,
  m.expected,
  m.present,
];

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

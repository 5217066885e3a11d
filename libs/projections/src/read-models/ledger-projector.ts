import { PoolClient } from 'pg';
import { applyCorrections } from '@ledger/domain';
import { StoredEvent } from '@ledger/event-store';
import { Projector } from '../projector';
import { closureOf, OrgRow } from './closure';
import { memberFlows, memberRatings, memberTimeline, PositionedEvent } from './member-rows';
import { organizationRatings, organizationTimeline } from './organization-rows';
import { replaceRows } from './replace-rows';
import { LIVE_PREFIX, ReadModelTables, readModelTables } from './tables';
import { Segment } from './timeline';

const ORG = 'organization-';
const MEMBER = 'member-';

/**
 * Keeps the bitemporal read models of SEMANTICS.md. For each stream an event touches, it replays
 * the stream as known at that event (corrections applied) and rewrites the stream's rows when
 * they changed; when an organization's timeline changed, it recomputes the closure of every
 * organization below it. Events recorded together (one recordedAt) are applied together.
 */
export class LedgerProjector implements Projector {
  private readonly t: ReadModelTables;

  /** `prefix` 'rm_' is the live tables; a rebuild passes its own prefix and checkpoint name. */
  constructor(
    prefix = LIVE_PREFIX,
    readonly name = 'ledger',
  ) {
    this.t = readModelTables(prefix);
  }

  async apply(client: PoolClient, batch: StoredEvent[]): Promise<void> {
    for (const group of byRecordedAt(batch)) {
      const recordedAt = group[0].recordedAt;
      const upTo = new Map<string, number>();
      for (const e of group) upTo.set(e.streamId, e.globalPosition);
      const changedOrgs: string[] = [];
      for (const [streamId, position] of upTo) {
        if (streamId.startsWith(ORG)) {
          const id = streamId.slice(ORG.length);
          const events = await corrected(client, streamId, position);
          if (await this.organization(client, id, events, recordedAt)) changedOrgs.push(id);
        } else if (streamId.startsWith(MEMBER)) {
          await this.member(
            client,
            streamId.slice(MEMBER.length),
            await corrected(client, streamId, position),
            recordedAt,
          );
        }
      }
      if (changedOrgs.length > 0) await this.closures(client, changedOrgs, recordedAt);
    }
  }

  private async organization(
    client: PoolClient,
    id: string,
    events: PositionedEvent[],
    at: string,
  ): Promise<boolean> {
    const segments = organizationTimeline(events);
    const changed = await replaceRows(
      client,
      this.t.orgTimeline,
      'org_id',
      id,
      ['status', 'kind', 'name', 'parent_id', 'valid_from', 'valid_to'],
      segments.map((s) => [
        s.value.status,
        s.value.kind,
        s.value.name,
        s.value.parentId,
        s.validFrom,
        s.validTo,
      ]),
      at,
    );
    await ratings(client, this.t.ratings, 'organization', id, organizationRatings(events), at);
    await replaceRows(
      client,
      this.t.meetings,
      'org_id',
      id,
      ['event_id', 'meeting_kind', 'held_on', 'expected', 'present'],
      events
        .filter((e) => e.type === 'MeetingHeld')
        .map((e) => {
          const d = e.data as { meetingKind: string; heldOn: string; expected: number; present: number };
          return [e.eventId, d.meetingKind, d.heldOn, d.expected, d.present];
        }),
      at,
    );
    return changed;
  }

  private async member(client: PoolClient, id: string, events: PositionedEvent[], at: string): Promise<void> {
    await replaceRows(
      client,
      this.t.memberTimeline,
      'member_id',
      id,
      [
        'status',
        'full_name',
        'registered_cell_id',
        'counted_cell_id',
        'exempt_from',
        'exempt_until',
        'valid_from',
        'valid_to',
      ],
      memberTimeline(events).map((s) => [
        s.value.status,
        s.value.fullName,
        s.value.registeredCellId,
        s.value.countedCellId,
        s.value.exemptFrom,
        s.value.exemptUntil,
        s.validFrom,
        s.validTo,
      ]),
      at,
    );
    await replaceRows(
      client,
      this.t.memberFlows,
      'member_id',
      id,
      [
        'event_id',
        'position',
        'type',
        'kind',
        'effective_date',
        'cell_id',
        'other_cell_id',
        'form',
        'decision_ref',
      ],
      memberFlows(events).map((f) => [
        f.eventId,
        f.position,
        f.type,
        f.kind,
        f.effectiveDate,
        f.cellId,
        f.otherCellId,
        f.form,
        f.decisionRef,
      ]),
      at,
    );
    await ratings(client, this.t.ratings, 'member', id, memberRatings(events), at);
  }

  private async closures(client: PoolClient, changed: string[], at: string): Promise<void> {
    const rows = await client.query<
      OrgRow & { org_id: string; parent_id: string | null; valid_from: string; valid_to: string }
    >(
      `SELECT org_id, status, kind, name, parent_id, valid_from::text, valid_to::text
         FROM ${this.t.orgTimeline} WHERE known_to = 'infinity' ORDER BY org_id, valid_from`,
    );
    const timelines = new Map<string, Segment<OrgRow>[]>();
    for (const r of rows.rows) {
      const list = timelines.get(r.org_id) ?? [];
      list.push({
        validFrom: r.valid_from,
        validTo: r.valid_to,
        value: { status: r.status, kind: r.kind, name: r.name, parentId: r.parent_id },
      });
      timelines.set(r.org_id, list);
    }
    const below = await client.query<{ org_id: string }>(
      `SELECT DISTINCT org_id FROM ${this.t.orgClosure} WHERE known_to = 'infinity' AND ancestor_id = ANY($1)`,
      [changed],
    );
    const affected = new Set([...changed, ...below.rows.map((r) => r.org_id)]);
    for (const id of affected) {
      await replaceRows(
        client,
        this.t.orgClosure,
        'org_id',
        id,
        ['ancestor_id', 'valid_from', 'valid_to'],
        closureOf(id, timelines).map((c) => [c.ancestorId, c.validFrom, c.validTo]),
        at,
      );
    }
  }
}

async function ratings(
  client: PoolClient,
  table: string,
  subject: string,
  id: string,
  byYear: Record<number, string>,
  at: string,
) {
  await replaceRows(
    client,
    table,
    'subject_id',
    id,
    ['subject', 'year', 'rating'],
    Object.entries(byYear).map(([year, rating]) => [subject, Number(year), rating]),
    at,
  );
}

/** The stream as known once the log reached `upTo`, corrections applied. */
async function corrected(client: PoolClient, streamId: string, upTo: number): Promise<PositionedEvent[]> {
  const result = await client.query<{
    event_id: string;
    global_position: string;
    type: string;
    data: Record<string, unknown>;
    effective_date: string;
  }>(
    `SELECT event_id, global_position, type, data, effective_date::text FROM ledger_events
      WHERE stream_id = $1 AND global_position <= $2 ORDER BY global_position`,
    [streamId, upTo],
  );
  return applyCorrections(
    result.rows.map((r) => ({
      eventId: r.event_id,
      globalPosition: Number(r.global_position),
      type: r.type,
      data: r.data,
      effectiveDate: r.effective_date,
    })),
  );
}

function byRecordedAt(batch: StoredEvent[]): StoredEvent[][] {
  const groups: StoredEvent[][] = [];
  for (const e of batch) {
    const last = groups[groups.length - 1];
    if (last && last[0].recordedAt === e.recordedAt) last.push(e);
    else groups.push([e]);
  }
  return groups;
}

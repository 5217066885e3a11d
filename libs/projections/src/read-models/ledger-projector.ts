import { PoolClient } from 'pg';
import { StoredEvent } from '@ledger/event-store';
import { Projector } from '../projector';
import { OrgRow } from './closure';
import {
  closuresAfter,
  CASE,
  EntityTables,
  entityId,
  meetingCells,
  MEMBER,
  ORG,
  orgTimelineOf,
  tableSpecs,
  writeStream,
} from './entity-rows';
import { organizationMeetings } from './organization-rows';
import { RowVersions } from './row-versions';
import { byStream, StreamCache } from './stream-cache';
import { LIVE_PREFIX, ReadModelTables, readModelTables } from './tables';
import { Segment } from './timeline';

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
    const { tables, continuedFrom } = await this.compute(client, batch, true);
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
  /**
   * `leaveMeetingsUnread`: an organization's meetings may be added without its stream read or its
   * rows loaded (StreamCache.begin). Not while batches are pipelined: the next batch's reads must
   * then never need this one's rows, which unloaded rows would not be among.
   */
  private async compute(
    client: PoolClient,
    batch: StoredEvent[],
    leaveMeetingsUnread = false,
  ): Promise<{ tables: Tables; continuedFrom: string | undefined }> {
    if (!(await this.cache.begin(client, batch, leaveMeetingsUnread))) this.rows = this.tables();
    const tables = this.rows;
    // Streams the cache let go: their rows go too (member and case ids never name an organization).
    const letGo = this.cache.takeLetGo().map(entityId);
    if (letGo.length > 0) for (const table of Object.values(tables)) table.forget(letGo);
    const continuedFrom = await this.cache.continuedFrom(client, batch);
    const streams = [...new Set(batch.map((e) => e.streamId))];
    const ids = (prefix: string) =>
      streams.filter((s) => s.startsWith(prefix)).map((s) => s.slice(prefix.length));
    const orgIds = ids(ORG).filter((id) => !this.cache.leftUnread(ORG + id));
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
        if (this.cache.leftUnread(streamId)) {
          tables.meetings.addUnloaded(entityId(streamId), organizationMeetings(events).map(meetingCells), at);
          continue;
        }
        const state = await this.cache.advance(client, streamId, events);
        if (writeStream(tables, streamId, state, at)) changedOrgs.push(streamId.slice(ORG.length));
      }
      if (changedOrgs.length > 0) {
        tree ??= await this.tree(client, tables);
        await this.closures(client, tables, tree, changedOrgs, at);
      }
    }
    return { tables, continuedFrom };
  }

  private tables() {
    const specs = tableSpecs(this.t);
    return Object.fromEntries(
      Object.entries(specs).map(([k, spec]) => [k, new RowVersions(spec)]),
    ) as EntityTables<RowVersions>;
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
    for (const id of tree.all) timelines.set(id, orgTimelineOf(t.orgTimeline.rowsOf(id)));
    closuresAfter(t.orgClosure, tree.all, timelines, new Set(changed), at);
  }
}

type Tables = EntityTables<RowVersions>;

function byRecordedAt(batch: StoredEvent[]): StoredEvent[][] {
  const groups: StoredEvent[][] = [];
  for (const e of batch) {
    const last = groups[groups.length - 1];
    if (last && last[0].recordedAt === e.recordedAt) last.push(e);
    else groups.push([e]);
  }
  return groups;
}

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Cell, TableSpec, Versioned } from './entity-rows';

const INFINITY = 'infinity';

export type { Cell, TableSpec };

/** Cells as the tables give them back (text), so that computed and loaded rows compare equal. */
export const normalize = (row: readonly Cell[]): Cell[] =>
  row.map((v) => (v === null || v === undefined ? null : String(v)));
export const keyOf = (row: readonly Cell[]) => JSON.stringify(row);

interface Live {
  row: Cell[];
  /** When the row became known: an instant of this batch, or the database's own known_from. */
  knownFrom: string;
  inDatabase: boolean;
}

/**
 * The rows of one bitemporal table for the entities a batch touches, kept in memory while the
 * batch is applied and written in a few statements at the end. Changes are per row: when an
 * entity's rows change at instant R, only the rows that are no longer there are closed
 * (known_to = R) and only new rows are inserted (known_from = R); rows that stay keep their
 * history. So the answer for any (date, knownAt) is the same as if every row had been rewritten,
 * but a cell's hundredth meeting adds one row, not a hundred. A row that started at R and ends
 * at R never held for any knownAt and is not kept.
 */
export class RowVersions implements Versioned {
  private readonly live = new Map<string, Map<string, Live>>();
  private readonly closedInDb: ClosedInDb[] = [];
  private readonly closedHere: ClosedHere[] = [];
  /** The two lists above by entity, so that `reopened` looks at one entity's rows, not the batch's. */
  private readonly closedOf = new Map<string, { inDb: ClosedInDb[]; here: ClosedHere[] }>();
  /** Rows new in this batch (some may have been closed again since: see `fresh`). */
  private readonly added: { id: string; key: string; live: Live }[] = [];
  /** Rows added without their entity's rows loaded (`addUnloaded`). */
  private readonly unloaded: { id: string; row: Cell[]; at: string }[] = [];

  constructor(readonly spec: TableSpec) {}

  /** Loads the rows current in the database for these entities (before `set`). */
  async load(client: PoolClient, ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !this.live.has(id));
    if (missing.length === 0) return;
    for (const id of missing) this.live.set(id, new Map());
    const cols = this.spec.columns.map(([c]) => `${c}::text AS ${c}`).join(', ');
    const result = await client.query(
      `SELECT ${this.spec.idColumn} AS id, ${cols}, known_from FROM ${this.spec.table}
        WHERE ${this.spec.idColumn} = ANY($1) AND known_to = 'infinity'`,
      [missing],
    );
    for (const r of result.rows) {
      const row = this.spec.columns.map(([c]) => r[c] as Cell);
      this.live
        .get(r.id)!
        .set(keyOf(row), { row, knownFrom: (r.known_from as Date).toISOString(), inDatabase: true });
    }
  }

  /**
   * After the batch's transaction committed: what was written is now what the database holds, so
   * the rows can serve the next batch without being loaded again.
   */
  committed(): void {
    for (const { live } of this.fresh()) live.inDatabase = true;
    this.added.length = 0;
    this.unloaded.length = 0;
    this.closedInDb.length = 0;
    this.closedHere.length = 0;
    this.closedOf.clear();
  }

  /** The rows new in this batch that still hold at its end. */
  private fresh(): { id: string; live: Live }[] {
    return this.added.filter(({ id, key, live }) => this.live.get(id)?.get(key) === live);
  }

  /** The rows new in this batch that still hold at its end, to be inserted. */
  private freshRows(): { id: string; row: Cell[]; at: string }[] {
    return [
      ...this.fresh().map(({ id, live }) => ({ id, row: live.row, at: live.knownFrom })),
      ...this.unloaded,
    ];
  }

  /**
   * Lets these entities' rows go (between batches only): they are loaded again from the table
   * when next needed.
   */
  forget(ids: readonly string[]): void {
    if (this.added.length + this.unloaded.length + this.closedInDb.length + this.closedHere.length > 0)
      throw new Error(`RowVersions(${this.spec.table}).forget: a batch is still being applied`);
    for (const id of ids) this.live.delete(id);
  }

  /** Entities held (loaded or set) — how much memory the table's rows take. */
  get size(): number {
    return this.live.size;
  }

  /** The entities that have rows held in memory. */
  held(): string[] {
    return [...this.live].filter(([, rows]) => rows.size > 0).map(([id]) => id);
  }

  /** The entity's rows as they stand now. */
  rowsOf(id: string): Cell[][] {
    return [...(this.live.get(id)?.values() ?? [])].map((l) => l.row);
  }

  /** The entity's rows as known from `knownFrom`; returns whether they changed. */
  set(id: string, rows: Cell[][], knownFrom: string): boolean {
    const current = this.live.get(id) ?? new Map<string, Live>();
    const next = new Map(rows.map((r) => normalize(r)).map((r) => [keyOf(r), r]));
    const removed = [...current].filter(([key]) => !next.has(key)).map(([, l]) => l.row);
    const added = [...next].filter(([key]) => !current.has(key)).map(([, r]) => r);
    return this.change(id, removed, added, knownFrom);
  }

  /**
   * Rows that hold from `knownFrom` on, for an entity whose rows are not loaded (and stay so): for
   * rows that no other row of the entity can equal, such as a meeting's, made of its event's id.
   */
  addUnloaded(id: string, rows: readonly Cell[][], knownFrom: string): void {
    if (this.live.has(id)) throw new Error(`RowVersions(${this.spec.table}).addUnloaded: ${id} is loaded`);
    for (const r of rows) this.unloaded.push({ id, row: normalize(r), at: knownFrom });
  }

  /**
   * The entity's rows as known from `knownFrom`: these rows no longer hold, these hold too. For
   * callers that know what changed (a new meeting, one year's rating), so that the rows that stay
   * need not be compared. Returns whether anything changed.
   */
  change(id: string, removed: readonly Cell[][], added: readonly Cell[][], knownFrom: string): boolean {
    const current = this.live.get(id) ?? new Map<string, Live>();
    this.live.set(id, current);
    let changed = false;
    for (const r of removed) {
      const key = keyOf(normalize(r));
      const l = current.get(key);
      if (!l) continue;
      changed = true;
      current.delete(key);
      if (l.inDatabase) {
        const c = {
          id,
          row: l.row,
          at: knownFrom,
          deleteIt: l.knownFrom === knownFrom,
          knownFrom: l.knownFrom,
        };
        this.closedInDb.push(c);
        this.closedLists(id).inDb.push(c);
      } else if (l.knownFrom !== knownFrom) {
        const c = { id, row: l.row, from: l.knownFrom, to: knownFrom };
        this.closedHere.push(c);
        this.closedLists(id).here.push(c);
      }
    }
    for (const r of added) {
      const row = normalize(r);
      const key = keyOf(row);
      if (current.has(key)) continue;
      changed = true;
      const reopened = this.reopened(id, key, knownFrom);
      const l = reopened ?? { row, knownFrom, inDatabase: false };
      current.set(key, l);
      if (!l.inDatabase) this.added.push({ id, key, live: l });
    }
    return changed;
  }

  /**
   * A row closed at this very instant and now back (an append split across two batches, whose
   * first half removed what its second half restores): it never stopped holding, so the close is
   * undone instead of a second, identical version being started.
   */
  private reopened(id: string, key: string, at: string): Live | undefined {
    const closed = this.closedOf.get(id);
    if (!closed) return undefined;
    const inDb = closed.inDb.find((c) => c.at === at && keyOf(c.row) === key);
    if (inDb) {
      remove(closed.inDb, inDb);
      remove(this.closedInDb, inDb);
      return { row: inDb.row, knownFrom: inDb.knownFrom, inDatabase: true };
    }
    const here = closed.here.find((c) => c.to === at && keyOf(c.row) === key);
    if (here) {
      remove(closed.here, here);
      remove(this.closedHere, here);
      return { row: here.row, knownFrom: here.from, inDatabase: false };
    }
    return undefined;
  }

  private closedLists(id: string): { inDb: ClosedInDb[]; here: ClosedHere[] } {
    let lists = this.closedOf.get(id);
    if (!lists) this.closedOf.set(id, (lists = { inDb: [], here: [] }));
    return lists;
  }

  /**
   * Hands the batch's changes over to be written (`write`) and goes on as if they were: the next
   * batch can be computed while they are written, provided they are committed before its own
   * writes are (ProjectionRunner's pipelined catch-up). Not for a batch that carries on a split
   * append (the reopening of rows reads the table: `flush`).
   */
  detach(): PendingRows {
    const pending: PendingRows = {
      closedInDb: [...this.closedInDb],
      closedHere: [...this.closedHere],
      fresh: this.freshRows(),
    };
    this.committed();
    return pending;
  }

  /** Writes changes `detach` handed over. */
  async write(client: PoolClient, pending: PendingRows): Promise<void> {
    await this.writeClosed(client, pending.closedInDb);
    await this.insert(client, [
      ...pending.closedHere.map((c) => [c.id, ...c.row, c.from, c.to]),
      ...pending.fresh.map((f) => [f.id, ...f.row, f.at, INFINITY]),
    ]);
  }

  /** Rows stored before this batch that it closed (known_to) or, started at its own instant, deleted. */
  private async writeClosed(client: PoolClient, closedInDb: readonly ClosedInDb[]): Promise<void> {
    const { table, idColumn, columns } = this.spec;
    const types = columns.map(([, t]) => t);
    const match = columns.map(([c], i) => `t.${c} IS NOT DISTINCT FROM v.c${i}`).join(' AND ');
    const unnest = `unnest($1::text[], ${types.map((t, i) => `$${i + 2}::${t}[]`).join(', ')}, $${types.length + 2}::timestamptz[])
         AS v(id, ${columns.map((_, i) => `c${i}`).join(', ')}, at)`;
    const params = (list: readonly ClosedInDb[]) => [
      list.map((x) => x.id),
      ...columns.map((_, i) => list.map((x) => x.row[i])),
      list.map((x) => x.at),
    ];
    const deleted = closedInDb.filter((c) => c.deleteIt);
    const closed = closedInDb.filter((c) => !c.deleteIt);
    if (deleted.length > 0)
      await client.query(
        `DELETE FROM ${table} t USING ${unnest}
          WHERE t.${idColumn} = v.id AND t.known_to = 'infinity' AND t.known_from = v.at AND ${match}`,
        params(deleted),
      );
    if (closed.length > 0)
      await client.query(
        `UPDATE ${table} t SET known_to = v.at FROM ${unnest}
          WHERE t.${idColumn} = v.id AND t.known_to = 'infinity' AND ${match}`,
        params(closed),
      );
  }

  private insert(client: PoolClient, out: readonly Cell[][]): Promise<void> {
    return insertVersions(client, this.spec, out);
  }

  /**
   * Writes the batch's changes. `continuedFrom`: the instant of the previous batch's last events
   * when this batch carries on events recorded at that same instant (an append split across
   * batches); only then can a row new here have been closed at that instant by the previous batch.
   */
  async flush(client: PoolClient, continuedFrom?: string): Promise<void> {
    const { table, idColumn, columns } = this.spec;
    const types = columns.map(([, t]) => t);
    // Rows are matched on every column (NULLs equal): the table has no row id of its own.
    const match = columns.map(([c], i) => `t.${c} IS NOT DISTINCT FROM v.c${i}`).join(' AND ');
    const params = (list: { id: string; row: Cell[] }[], last: (x: never) => string) => [
      list.map((x) => x.id),
      ...columns.map((_, i) => list.map((x) => x.row[i])),
      list.map((x) => last(x as never)),
    ];
    await this.writeClosed(client, this.closedInDb);
    // Rows new at R that an earlier batch closed at that same R (an append split across batches):
    // reopen the stored row instead of starting an identical one.
    const fresh = this.freshRows();
    // Rows this batch starts at the instant the previous batch closed them (an append split
    // across batches, whose first half removed what its second half restores): the stored row
    // is reopened — until now, or until this batch closes it again — instead of a second,
    // identical version being started.
    const reopen =
      continuedFrom === undefined
        ? []
        : [
            ...fresh.filter((f) => f.at === continuedFrom).map((f) => ({ ...f, to: INFINITY })),
            ...this.closedHere
              .filter((c) => c.from === continuedFrom)
              .map((c) => ({ id: c.id, row: c.row, at: c.from, to: c.to })),
          ];
    const reopened = new Set<string>();
    if (reopen.length > 0) {
      const n = types.length + 2;
      const back = await client.query(
        `UPDATE ${table} t SET known_to = v.new_to
           FROM unnest($1::text[], ${types.map((t, i) => `$${i + 2}::${t}[]`).join(', ')}, $${n}::timestamptz[], $${n + 1}::timestamptz[])
             AS v(id, ${columns.map((_, i) => `c${i}`).join(', ')}, at, new_to)
          WHERE t.${idColumn} = v.id AND t.known_to = v.at AND ${match}
          RETURNING t.${idColumn} AS id, ${columns.map(([c]) => `t.${c}::text AS ${c}`).join(', ')}, t.known_from, v.new_to`,
        [...params(reopen, (x: { at: string }) => x.at), reopen.map((x) => x.to)],
      );
      for (const r of back.rows) {
        const key = keyOf(columns.map(([c]) => r[c] as Cell));
        const to = r.new_to instanceof Date ? r.new_to.toISOString() : INFINITY;
        reopened.add(`${r.id} ${key} ${to}`);
        // A row kept open is the stored one, known since its own known_from.
        const l = to === INFINITY ? this.live.get(r.id)?.get(key) : undefined;
        if (l) l.knownFrom = (r.known_from as Date).toISOString();
      }
    }
    const toIso = (t: string) => (t === INFINITY ? t : new Date(t).toISOString());
    const out: Cell[][] = [];
    for (const c of this.closedHere)
      if (!reopened.has(`${c.id} ${keyOf(c.row)} ${toIso(c.to)}`)) out.push([c.id, ...c.row, c.from, c.to]);
    for (const f of fresh)
      if (!reopened.has(`${f.id} ${keyOf(f.row)} ${INFINITY}`)) out.push([f.id, ...f.row, f.at, INFINITY]);
    await this.insert(client, out);
  }
}

/** Row versions (id, columns, known_from, known_to) inserted in one statement. */
export async function insertVersions(
  client: PoolClient,
  spec: TableSpec,
  out: readonly Cell[][],
): Promise<void> {
  if (out.length === 0) return;
  const allTypes = ['text', ...spec.columns.map(([, t]) => t), 'timestamptz', 'timestamptz'];
  await client.query(
    `INSERT INTO ${spec.table} (${versionColumns(spec)})
     SELECT * FROM unnest(${allTypes.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`,
    allTypes.map((_, i) => out.map((row) => row[i])),
  );
}

/**
 * Row versions (id, columns, known_from, known_to) written with COPY: a rebuild's millions of
 * rows. Neither side builds or parses an array per column, as with insertVersions' unnest. On the
 * 300,000-member rebuild the second part's writing connection went from 19.6 to 9.9 s of
 * PostgreSQL's CPU, the app's escaping of arrays (6 s a thread) went, and the rebuild took 118.8 s
 * instead of 148.3. The live projector's batches of a few rows keep insertVersions (one
 * statement; COPY was not measured there).
 */
export async function copyVersions(
  client: PoolClient,
  spec: TableSpec,
  out: readonly Cell[][],
): Promise<void> {
  if (out.length === 0) return;
  const copy = client.query(copyFrom(`COPY ${spec.table} (${versionColumns(spec)}) FROM STDIN`));
  await pipeline(Readable.from(copyLines(out)), copy);
}

/** The columns of a row version, in the order its cells come. */
const versionColumns = ({ idColumn, columns }: TableSpec): string =>
  [idColumn, ...columns.map(([c]) => c), 'known_from', 'known_to'].join(', ');

/** COPY's text format, a chunk of rows at a time. */
function* copyLines(out: readonly Cell[][]): Generator<string> {
  const ROWS = 2000;
  for (let start = 0; start < out.length; start += ROWS) {
    let chunk = '';
    const end = Math.min(out.length, start + ROWS);
    for (let i = start; i < end; i++) chunk += out[i].map(copyCell).join('\t') + '\n';
    yield chunk;
  }
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A cell as COPY's text format has it: \N for null; backslash, tab and line breaks escaped. */
export const copyCell = (v: Cell | undefined): string =>
  v === null || v === undefined
    ? '\\N'
    : typeof v === 'number'
      ? String(v)
      : SPECIAL.test(v)
        ? v.replace(SPECIALS, (c) => ESCAPED[c])
        : v;

const remove = <T>(list: T[], item: T): void => {
  list.splice(list.indexOf(item), 1);
};

interface ClosedHere {
  id: string;
  row: Cell[];
  from: string;
  to: string;
}

interface ClosedInDb {
  id: string;
  row: Cell[];
  at: string;
  deleteIt: boolean;
  knownFrom: string;
}

/** A batch's changes to one table, handed over by `detach` to be written later. */
export interface PendingRows {
  closedInDb: ClosedInDb[];
  closedHere: ClosedHere[];
  fresh: { id: string; row: Cell[]; at: string }[];
}

import { Cell, Versioned } from './entity-rows';
import { keyOf, normalize } from './row-versions';

const INFINITY = 'infinity';

interface Open {
  row: Cell[];
  knownFrom: string;
}

/**
 * A bitemporal table's rows held in memory while a rebuild replays the log stream by stream: the
 * same versions RowVersions writes batch by batch (a row that stops holding is closed at that
 * instant, a row that started and ended at one instant is not kept), collected in `out` as
 * (id, cells, known_from, known_to) to be inserted in bulk. An entity's open rows go to `out` when
 * it is finished.
 */
export class VersionedRows implements Versioned {
  private readonly open = new Map<string, Map<string, Open>>();
  private out: Cell[][] = [];

  get pending(): number {
    return this.out.length;
  }

  /** The versions complete so far, handed over once. */
  take(): Cell[][] {
    const out = this.out;
    this.out = [];
    return out;
  }

  rowsOf(id: string): Cell[][] {
    return [...(this.open.get(id)?.values() ?? [])].map((o) => o.row);
  }

  ids(): string[] {
    return [...this.open.keys()];
  }

  set(id: string, rows: Cell[][], at: string): boolean {
    const current = this.open.get(id);
    const next = new Map(rows.map((r) => normalize(r)).map((r) => [keyOf(r), r]));
    const removed = current ? [...current].filter(([key]) => !next.has(key)).map(([, o]) => o.row) : [];
    const added = [...next].filter(([key]) => !current?.has(key)).map(([, r]) => r);
    return this.change(id, removed, added, at);
  }

  change(id: string, removed: readonly Cell[][], added: readonly Cell[][], at: string): boolean {
    let current = this.open.get(id);
    if (!current) this.open.set(id, (current = new Map()));
    let changed = false;
    for (const r of removed) {
      const key = keyOf(normalize(r));
      const o = current.get(key);
      if (!o) continue;
      changed = true;
      current.delete(key);
      if (o.knownFrom !== at) this.out.push([id, ...o.row, o.knownFrom, at]);
    }
    for (const r of added) {
      const row = normalize(r);
      const key = keyOf(row);
      if (current.has(key)) continue;
      changed = true;
      current.set(key, { row, knownFrom: at });
    }
    return changed;
  }

  /** The entity's rows still holding are versions known until now ('infinity'); it is let go. */
  finish(id: string): void {
    for (const o of this.open.get(id)?.values() ?? []) this.out.push([id, ...o.row, o.knownFrom, INFINITY]);
    this.open.delete(id);
  }
}

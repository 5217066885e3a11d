import { INFINITY, Segment } from './timeline';

export interface OrgRow {
  status: string;
  kind: string;
  name: string;
  parentId: string | null;
}

export interface ClosureRow {
  ancestorId: string;
  validFrom: string;
  validTo: string;
}

export const MINUS_INFINITY = '-infinity';

/** ISO dates and the two infinities compare correctly as strings ('-' < digits < 'i'). */
const at = <T>(segments: readonly Segment<T>[] | undefined, date: string): T | undefined =>
  segments?.find((s) => s.validFrom <= date && date < s.validTo)?.value;

/**
 * Which organizations have `orgId` in their subtree, on which dates (SEMANTICS.md rule 4): the
 * organization itself always; its parent on D when it is active on D; and so on up while each
 * link is active. Boundaries are those of every organization its parent links ever reach.
 */
export function closureOf(
  orgId: string,
  timelines: ReadonlyMap<string, readonly Segment<OrgRow>[]>,
): ClosureRow[] {
  const reachable = new Set([orgId]);
  for (const id of reachable)
    for (const s of timelines.get(id) ?? []) if (s.value.parentId) reachable.add(s.value.parentId);
  const bounds = new Set([MINUS_INFINITY]);
  for (const id of reachable)
    for (const s of timelines.get(id) ?? []) {
      bounds.add(s.validFrom);
      if (s.validTo !== INFINITY) bounds.add(s.validTo);
    }
  const starts = [...bounds].sort();
  const open = new Map<string, ClosureRow>();
  const rows: ClosureRow[] = [];
  starts.forEach((from, i) => {
    const to = starts[i + 1] ?? INFINITY;
    const ancestors = [orgId];
    let current = orgId;
    for (;;) {
      const row = at(timelines.get(current), from);
      if (!row || row.status !== 'active' || !row.parentId || ancestors.includes(row.parentId)) break;
      ancestors.push(row.parentId);
      current = row.parentId;
    }
    for (const a of ancestors) {
      const running = open.get(a);
      if (running && running.validTo === from) running.validTo = to;
      else {
        const row = { ancestorId: a, validFrom: from, validTo: to };
        open.set(a, row);
        rows.push(row);
      }
    }
  });
  return rows;
}

import {
  DisciplineCase,
  DomainEvent,
  evolveDisciplineCase,
  initialDisciplineCaseState,
} from '@ledger/domain';
import type { StoredEvent } from '@ledger/event-store/envelope';
import { CaseListItem, CasesQuery } from '../point-in-time';
import { caseRow } from '../read-models/case-rows';
import { World } from './world';

const CASE = 'discipline-case-';

const fold = (events: readonly StoredEvent[]): DisciplineCase =>
  events.reduce((s, e) => {
    try {
      return evolveDisciplineCase(s, e as unknown as DomainEvent as never);
    } catch {
      return s;
    }
  }, initialDisciplineCaseState);

/** SEMANTICS.md rule 10, by replay over the corrected known events. */
export function casesOf(world: World, corrected: readonly StoredEvent[], q: CasesQuery): CaseListItem[] {
  const streams = new Map<string, StoredEvent[]>();
  for (const e of corrected)
    if (e.streamId.startsWith(CASE)) streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
  const items: CaseListItem[] = [];
  for (const [streamId, events] of streams) {
    const row = caseRow(fold(events.filter((e) => e.effectiveDate <= q.to)));
    if (!row || row.openedOn < q.from || row.openedOn > q.to) continue;
    if (q.status && row.status !== q.status) continue;
    const subtree = world.subtree(q.organizationId, row.openedOn);
    const member =
      row.subjectKind === 'member' ? world.members.get(row.subjectId)?.on(row.openedOn) : undefined;
    const under =
      row.subjectKind === 'member'
        ? member !== undefined && member.status !== 'none' && subtree.has(member.cellId)
        : subtree.has(row.subjectId);
    if (under) items.push({ caseId: streamId.slice(CASE.length), ...row });
  }
  return items.sort((a, b) =>
    a.openedOn !== b.openedOn
      ? a.openedOn < b.openedOn
        ? -1
        : 1
      : a.caseId < b.caseId
        ? -1
        : a.caseId > b.caseId
          ? 1
          : 0,
  );
}

import { countedInCell, isExemptedOn } from '@ledger/domain';
import { RosterEntry } from '../point-in-time';
import { World } from './world';

/**
 * SEMANTICS.md rules 3 and 5: the members active on `date` (probationary or official) whose counted cell
 * (countedInCell: none in transit, the home cell on a temporary transfer) is in the subtree on `date`.
 */
export const membersCountedIn = (world: World, organizationId: string, date: string): RosterEntry[] => {
  const subtree = world.subtree(organizationId, date);
  const entries: RosterEntry[] = [];
  for (const [memberId, timeline] of world.members) {
    const state = timeline.on(date);
    if (state.status !== 'probationary' && state.status !== 'official') continue;
    const cellId = countedInCell(state);
    if (cellId === null || !subtree.has(cellId)) continue;
    const exempted = isExemptedOn(state, date);
    entries.push({ memberId, fullName: state.fullName, status: state.status, cellId, exempted });
  }
  return entries;
};

/** JavaScript string order (UTF-16 code units): fullName, then memberId. */
export const byNameThenId = (a: RosterEntry, b: RosterEntry): number =>
  compare(a.fullName, b.fullName) || compare(a.memberId, b.memberId);

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

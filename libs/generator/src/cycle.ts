import { OrganizationRating, addDays } from '@ledger/domain';
import { dayBetween, monthEnd, monthsOf } from './calendar';
import { MeetingBook } from './actions/meetings';
import { Tally, reviewYear } from './actions/ratings';
import { assess } from './actions/organizations';
import { Life, cellOf } from './life';
import { newSecretary } from './lifecycle/records';
import { World } from './world';

/** The ledger's recurring business: monthly meetings, the yearly review, cell congresses. */

/** Cells whose minutes one task records: a month's meetings of a large province span many batches. */
const CELLS_PER_TASK = 25;

/** Each month's meetings of the cells, recorded over the first days of the next month. */
export function scheduleMeetings(life: Life, cells: () => string[], from: string, to: string): void {
  const book = new MeetingBook(life.world);
  for (const [year, month] of monthsOf(from, to)) {
    const last = monthEnd(year, month);
    life.at(last, addDays(last, 1), () => {
      const all = cells();
      for (let i = 0; i < all.length; i += CELLS_PER_TASK) {
        const some = all.slice(i, i + CELLS_PER_TASK);
        life.at(last, addDays(last, life.random.int(1, 6)), () => book.recordMonth(some, year, month));
      }
    });
  }
}

export interface FixedReview {
  members?: Tally;
  cells?: Record<OrganizationRating, number>;
}

/**
 * The review of `year` (ASM-7), December to late January: each base organization active in mid-December
 * rates its members and cells on a day of its own; the superiors rate the base committees, the province
 * its districts. `fixed` prescribes the outcome for some base organizations (the demo's figures).
 */
export function scheduleReview(
  life: Life,
  bases: () => string[],
  superiors: () => string[],
  year: number,
  fixed: ReadonlyMap<string, FixedReview> = new Map(),
): void {
  const world = life.world;
  const from = `${year}-12-15`;
  life.at(from, `${year}-12-20`, () => {
    for (const base of bases()) {
      if (!world.isActive(base, from)) continue;
      const on = dayBetween(life.random, `${year}-12-20`, `${year + 1}-01-25`);
      life.at(from, on, () => reviewYear(world, base, year, fixed.get(base)));
    }
    life.at(from, `${year + 1}-01-28`, () => {
      for (const id of superiors())
        if (world.isActive(id, from))
          assess(world, id, year, life.random.chance(0.25) ? 'excellent' : 'good', from);
    });
  });
}

/** Whether a secretary the cell elected is still one of its official members. */
export function hasSecretary(world: World, cellId: string): boolean {
  const state = world.organization(cellId).state;
  if (state.status === 'none') return false;
  return Object.entries(state.committee).some(([memberId, role]) => {
    const member = world.members.get(memberId);
    return role === 'secretary' && member?.state.status === 'official' && cellOf(member) === cellId;
  });
}

/** Cell congresses (ORG-5, twice in five years): a cell whose secretary is gone elects a new one. */
export function scheduleCongresses(life: Life, cells: () => string[], dates: readonly string[]): void {
  for (const date of dates)
    life.at(date, date, () => {
      for (const cell of cells())
        if (life.world.isActive(cell, date) && !hasSecretary(life.world, cell))
          newSecretary(life, cell, date);
    });
}

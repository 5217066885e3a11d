import { isExemptedOn } from '@ledger/domain';
import { dayBetween, monthEnd, monthStart } from '../calendar';
import { World } from '../world';
import { meeting } from './organizations';

/**
 * Cell meetings (MTG-1 monthly, MTG-2 thematic at least quarterly): recorded early the next month, from
 * the cell's own minutes. A few months are missed; attendance is mostly above 90%. `expected` is the
 * MTG-4 denominator: the members counted in the cell, less the exempted.
 */
export class MeetingBook {
  /** cell → the last quarter ("2024-Q2") it held a thematic meeting in. */
  private readonly thematic = new Map<string, string>();

  constructor(private readonly world: World) {}

  recordMonth(cells: readonly string[], year: number, month: number): void {
    const world = this.world;
    const quarter = `${year}-Q${Math.ceil(month / 3)}`;
    const lastOfQuarter = month % 3 === 0;
    const [first, last] = [monthStart(year, month), monthEnd(year, month)];
    for (const cell of cells) {
      if (!world.isActive(cell, first) || !world.isActive(cell, last)) continue;
      const expected = world
        .countedIn(cell)
        .filter(
          (m) => m.state.status === 'none' || m.state.status === 'candidate' || !isExemptedOn(m.state, last),
        ).length;
      if (expected === 0) continue;
      const present = () => expected - world.random.binomial(expected, world.random.chance(0.1) ? 0.2 : 0.05);
      if (world.random.chance(0.985))
        meeting(world, cell, 'regular', dayBetween(world.random, first, last), expected, present());
      const held = this.thematic.get(cell) === quarter;
      if (!held && world.random.chance(lastOfQuarter ? 0.9 : 0.3)) {
        meeting(world, cell, 'thematic', dayBetween(world.random, first, last), expected, present());
        this.thematic.set(cell, quarter);
      }
    }
  }
}

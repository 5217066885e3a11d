import { DISTRICT_LEVEL_ABOLISHED_ON, addDays } from '@ledger/domain';
import { dissolve, merge, move, rename } from './actions/organizations';
import { Life } from './life';

/**
 * The 2025 reform (ORG-6, ORG-7), as ordinary decisions all effective 1 July 2025 and recorded over the
 * roll-out weeks: in each district the communes are grouped; the first of each group moves under the
 * province (renamed when the group has a new name) and the others merge into it, their cells following
 * in the same decision; base cells move under the province; the district, empty, is dissolved.
 */
export const REFORM_DATE = DISTRICT_LEVEL_ABOLISHED_ON;

export interface CommuneGroup {
  /** The commune that carries the new one; then those merged into it. */
  communes: string[];
  /** The new commune's name, when it changes. */
  name?: string;
}

export interface DistrictReform {
  districtId: string;
  /** Decided when the district's turn comes (the communes as they are then). */
  groups: () => CommuneGroup[];
  /** Days after 1 July on which the district's decisions are recorded. */
  recordedAfterDays: number;
}

export function scheduleReform(
  life: Life,
  provinceId: string,
  districts: readonly DistrictReform[],
  critical = false,
): void {
  const world = life.world;
  const ok = (done: boolean, what: string) => {
    if (!done) life.fail({ critical }, what);
  };
  for (const { districtId, groups, recordedAfterDays } of districts)
    life.at(REFORM_DATE, addDays(REFORM_DATE, recordedAfterDays), () => {
      const ref = world.ref('NQ/TU');
      for (const { communes, name } of groups()) {
        const [survivor, ...merged] = communes;
        ok(move(world, survivor, provinceId, REFORM_DATE, ref), `Moving ${survivor} under the province`);
        if (name) ok(rename(world, survivor, name, REFORM_DATE, ref), `Renaming ${survivor}`);
        for (const id of merged) ok(merge(world, id, survivor, REFORM_DATE, ref), `Merging ${id}`);
      }
      for (const id of world.childrenOf(districtId))
        ok(move(world, id, provinceId, REFORM_DATE, ref), `Moving ${id} under the province`);
      ok(dissolve(world, districtId, REFORM_DATE, ref), `Dissolving district ${districtId}`);
    });
}

/** Communes paired at random (an odd one keeps its own), as the random province merges them. */
export function pairUp(life: Life, communes: string[]): CommuneGroup[] {
  const shuffled = life.random.shuffle([...communes]);
  const groups: CommuneGroup[] = [];
  for (let i = 0; i < shuffled.length; i += 2) groups.push({ communes: shuffled.slice(i, i + 2) });
  return groups;
}

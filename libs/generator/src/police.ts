import { addDays } from '@ledger/domain';
import { dayBetween } from './calendar';
import { establish } from './actions/organizations';
import { Cells, Life } from './life';
import { officialTransfer } from './lifecycle/moving';

/**
 * 2020–2021: regular police were posted to every commune, and each commune's party committee set up a
 * cell for them (Chi bộ Công an xã), its first members officers transferred in from `sources(commune)`.
 */
export function schedulePoliceCells(
  life: Life,
  cellIds: string[],
  communes: () => string[],
  sources: (commune: string) => Cells = (commune) => () => life.world.cellsOf(commune),
  window: [string, string] = ['2020-07-01', '2021-12-31'],
  critical = false,
): void {
  const world = life.world;
  life.at(window[0], window[0], () => {
    for (const commune of communes()) {
      const record = world.organization(commune);
      if (record.kind !== 'base_committee' || record.state.status !== 'active') continue;
      const on = dayBetween(life.random, window[0], window[1]);
      const name = `Chi bộ Công an ${record.state.name.replace(/^Xã /, 'xã ').replace(/^Thị trấn /, 'thị trấn ')}`;
      life.late(on, () => {
        const cell = establish(world, 'cell', name, commune, on, world.ref('QĐ/ĐU'));
        if (!cell) return life.fail({ critical }, `Establishing ${name}`);
        cellIds.push(cell.id);
        for (let k = life.random.int(3, 5); k > 0; k--)
          officialTransfer(life, sources(commune), () => [cell.id], addDays(on, life.random.int(1, 30)), {
            critical,
          });
      });
    }
  });
}

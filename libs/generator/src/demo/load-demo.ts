import { Agenda } from '../agenda';
import { Cells, Life } from '../life';
import { FixedReview, scheduleCongresses, scheduleMeetings, scheduleReview } from '../cycle';
import { merge } from '../actions/organizations';
import { cellName } from '../names';
import { schedulePoliceCells } from '../police';
import { Built, Shape, buildProvince } from '../province';
import { Random } from '../random';
import { REFORM_DATE, scheduleReform } from '../reform';
import { Progress, runAgenda } from '../run';
import { World } from '../world';
import { AppendOnlyStore, LedgerWriter } from '../writer';
import { planDemo } from './demo-plan';
import { scheduleStep } from './demo-steps';
import {
  DEMO_FROM,
  DEMO_PROVINCES,
  DEMO_TO,
  DemoUnit,
  NA_KHE,
  NA_KHE_KEY,
  PROVINCE_MERGERS,
  SON_DUONG,
  SON_DUONG_KEY,
  THANH_BA,
  THANH_BA_AREA,
} from './demo-shape';

export const DEMO_SEED = 20_240_331;

export interface DemoFigures {
  sonDuong: {
    organizationId: string;
    name: string;
    from: string;
    to: string;
    admitted: number;
    disciplined: number;
  };
  thanhBa: { organizationId: string; name: string; asOf: string; members: number; organizations: number };
  naKhe: {
    organizationId: string;
    name: string;
    year: number;
    members: Record<'excellent' | 'good' | 'completed' | 'not_completed', number>;
    cells: Record<'excellent' | 'good' | 'completed' | 'not_completed', number>;
  };
}

export interface DemoLedger {
  seed: number;
  events: number;
  members: number;
  /** The provinces' ids (Hà Giang merged into Tuyên Quang on 1 July 2025). */
  provinces: Record<string, string>;
  figures: DemoFigures;
}

/**
 * Loads the demo's named data set (demo-shape.ts) through the domain, as the generator does: Huyện Sơn
 * Dương with exactly 699 admitted and 175 disciplined from June 2021 to March 2024, Xã Thanh Ba with 84
 * cells and 2,551 members on 1 July 2025 after the merger, Xã Na Khê's 2023 ratings (3 and 12 cells,
 * 45 and 199 members) — and around them five years of ordinary history. `seed` changes the people, the
 * ids and the history, never the figures.
 */
export async function loadDemo(
  store: AppendOnlyStore,
  options: { seed?: number; batchEvents?: number; onProgress?: (progress: Progress) => void } = {},
): Promise<DemoLedger> {
  const seed = options.seed ?? DEMO_SEED;
  const writer = new LedgerWriter(store, options.batchEvents ?? 5_000);
  const world = new World(new Random(seed, 0), new Random(seed, 1), writer, 'demo', DEMO_FROM);
  const life = new Life(world, new Agenda(), {
    today: DEMO_TO,
    to: DEMO_TO,
    probationFailure: 0,
    trackShare: 0.03,
  });
  const plan = planDemo(new Random(seed, 2));

  const units = new Map<string, string>();
  const districts = new Map<string, string>();
  const provinces: Record<string, string> = {};
  for (const province of DEMO_PROVINCES) {
    const shape: Shape = {
      name: province.name,
      kind: 'provincial_committee',
      children: province.districts.map((d) => ({
        name: d.name,
        kind: 'district_committee',
        children: d.units.map((u) => unitShape(world.random, u, plan.sizes.get(u.key)!)),
      })),
    };
    const built = buildProvince(life, shape, DEMO_FROM, 'QĐ/TU');
    provinces[province.key] = built.id;
    province.districts.forEach((d, i) => {
      const district: Built = built.children[i];
      districts.set(d.key, district.id);
      d.units.forEach((u, j) => units.set(u.key, district.children[j].id));
    });
  }
  const cellsOfUnit =
    (key: string): Cells =>
    () =>
      world.cellsOf(world.successor(units.get(key)!) ?? units.get(key)!);
  const where = new Map(
    DEMO_PROVINCES.flatMap((p) => p.districts.flatMap((d) => d.units.map((u) => [u.key, { p, d }] as const))),
  );
  for (const step of plan.steps) {
    const { p, d } = where.get(step.unit)!;
    const own = cellsOfUnit(step.unit);
    const province = () => world.cellsOf(world.successor(provinces[p.key])!);
    const district = () =>
      world.isActive(districts.get(d.key)!) ? world.cellsOf(districts.get(d.key)!) : province();
    // A base cell has no other cell of its own to move members to: they go elsewhere in the province.
    const elsewhere = () => (own().length > 1 ? own() : province());
    scheduleStep(life, step, own, elsewhere, district);
  }

  const cells = () =>
    [...world.organizations.values()]
      .filter((o) => (o.kind === 'cell' || o.kind === 'base_cell') && o.state.status === 'active')
      .map((o) => o.id);
  const communes = [...units.values()].filter((id) => world.organization(id).kind === 'base_committee');
  schedulePoliceCells(life, [], () => communes, undefined, ['2021-03-01', '2021-09-30'], true);
  scheduleMeetings(life, cells, DEMO_FROM, DEMO_TO);
  const bases = () =>
    [...world.organizations.values()]
      .filter((o) => o.kind === 'base_committee' || o.kind === 'base_cell')
      .map((o) => o.id);
  const superiors = () => [...districts.values(), ...Object.values(provinces)];
  const naKheId = units.get(NA_KHE_KEY)!;
  for (let year = 2021; year <= 2025; year++) {
    const fixed = new Map<string, FixedReview>(year === NA_KHE.year ? [[naKheId, NA_KHE]] : []);
    scheduleReview(life, bases, superiors, year, fixed);
  }
  scheduleCongresses(life, cells, ['2022-06-15', '2025-04-20']);
  for (const province of DEMO_PROVINCES)
    scheduleReform(
      life,
      provinces[province.key],
      province.districts.map((d, i) => ({
        districtId: districts.get(d.key)!,
        recordedAfterDays: 3 + 7 * i,
        groups: () =>
          d.reform.map((g) => ({
            communes: g.keys.map((k) => units.get(k)!),
            ...(g.name ? { name: g.name } : {}),
          })),
      })),
      true,
    );
  for (const { merged, into } of PROVINCE_MERGERS)
    life.at(REFORM_DATE, '2025-08-20', () => {
      if (!merge(world, provinces[merged], provinces[into], REFORM_DATE, world.ref('NQ/TW')))
        life.fail({ critical: true }, `Merging ${merged} into ${into}`);
    });

  await runAgenda(world, life.agenda, (day) => day.slice(0, 4), options.onProgress);

  const name = (id: string) => {
    const state = world.organization(id).state;
    return state.status === 'none' ? id : state.name;
  };
  const sonDuongId = districts.get(SON_DUONG_KEY)!;
  const thanhBaId = units.get(THANH_BA_AREA[0])!;
  return {
    seed,
    events: writer.events,
    members: world.members.size,
    provinces,
    figures: {
      sonDuong: {
        organizationId: sonDuongId,
        name: name(sonDuongId),
        from: SON_DUONG.from,
        to: SON_DUONG.to,
        admitted: SON_DUONG.admitted,
        disciplined: Object.values(SON_DUONG.disciplined).reduce((a, b) => a + b, 0),
      },
      thanhBa: { organizationId: thanhBaId, name: name(thanhBaId), ...THANH_BA },
      naKhe: {
        organizationId: naKheId,
        name: name(naKheId),
        year: NA_KHE.year,
        members: NA_KHE.members,
        cells: NA_KHE.cells,
      },
    },
  };
}

function unitShape(random: Random, unit: DemoUnit, sizes: number[]): Shape {
  if (unit.kind === 'base_cell') return { name: unit.name, kind: 'base_cell', members: sizes[0] };
  const place = unit.name.replace(/^(Xã|Thị trấn) /, '');
  return {
    name: unit.name,
    kind: 'base_committee',
    children: sizes.map((members, i) => ({
      name: unit.named?.[i]?.name ?? cellName(random, i, place),
      kind: 'cell' as const,
      members,
    })),
  };
}

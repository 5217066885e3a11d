import { MemberDisciplineForm, addDays } from '@ledger/domain';
import { Agenda } from './agenda';
import { dayBetween, earlier, later } from './calendar';
import { scheduleCongresses, scheduleMeetings, scheduleReview } from './cycle';
import { Cells, Life } from './life';
import { discipline } from './lifecycle/discipline';
import { admission } from './lifecycle/joining';
import { death, exemption, exit, removal } from './lifecycle/leaving';
import { officialTransfer, temporaryTransfer } from './lifecycle/moving';
import { correction } from './lifecycle/records';
import { placeName } from './names';
import { Built, buildProvince, nodesOf } from './province';
import { Random } from './random';
import { REFORM_DATE, pairUp, scheduleReform } from './reform';
import { Progress, runAgenda } from './run';
import { provinceShape } from './shape';
import { schedulePoliceCells } from './police';
import { World } from './world';
import { AppendOnlyStore, LedgerWriter } from './writer';

export interface GenerateOptions {
  seed: number;
  /** Members on the rolls when the ledger begins (registered from the paper records). */
  members: number;
  /** The ledger's first day (default 2010-01-01). */
  from?: string;
  /** The last effective date simulated (default 2026-06-30). */
  to?: string;
  /** The last day anything is recorded (default `to`): later records are not yet in the ledger. */
  today?: string;
  /** Cells' meetings are on the ledger from this day (default 2020-01-01, Đề án 16-ĐA/TU of 3/1/2020). */
  meetingsFrom?: string;
  onProgress?: (progress: Progress) => void;
  /** Events per appendMany (default 5,000). */
  batchEvents?: number;
}

export interface GeneratedProvince {
  events: number;
  /** Every organization established, in order. */
  organizations: string[];
  /** Member streams opened (members on file, and everyone nominated since). */
  members: number;
  rootId: string;
  /** Every commune (base committee) established, those merged in 2025 included. */
  communeIds: string[];
  /** Every cell and base cell established. */
  cellIds: string[];
  /** Decisions taken by name, and those the domain refused by `refused:<name>:<rule>`. */
  stats: Record<string, number>;
}

/** Yearly chances per member (the published figures: a few percent admitted, a few per thousand disciplined). */
const RATES = {
  nomination: 0.03,
  admittedOfNominated: 0.92,
  death: 0.011,
  removal: 0.0015,
  exit: 0.0004,
  exemption: 0.012,
  officialTransfer: 0.014,
  temporaryTransfer: 0.004,
  discipline: 0.004,
  correction: 0.002,
};

const FORMS: [MemberDisciplineForm, number][] = [
  ['reprimand', 0.55],
  ['warning', 0.3],
  ['dismissal', 0.08],
  ['expulsion', 0.07],
];

/**
 * A province on the ledger from `from` to `to`: districts, communes and cells; members on file at the
 * start; then year by year nominations and admissions, recognitions a year on (some decided late),
 * ratings, discipline cases, transfers, exemptions, deaths and removals, monthly and thematic meetings,
 * corrections, and the 2025 reform. Every event is decided by the domain (a refusal means the simulation
 * does something else), recorded in recording order, mostly days to months after it took effect, and
 * appended in batches. The same seed gives the same events, ids included.
 */
export async function generateProvince(
  store: AppendOnlyStore,
  options: GenerateOptions,
): Promise<GeneratedProvince> {
  const from = options.from ?? '2010-01-01';
  const to = options.to ?? '2026-06-30';
  const today = options.today ?? to;
  const random = new Random(options.seed, 0);
  const writer = new LedgerWriter(store, options.batchEvents ?? 5_000);
  const world = new World(random, new Random(options.seed, 1), writer, 'generator', from);
  const agenda = new Agenda();
  const life = new Life(world, agenda, {
    today,
    to: earlier(to, today),
    probationFailure: 0.015,
    trackShare: 0.03,
  });

  const tree = buildProvince(life, provinceShape(random, options.members), from, 'QĐ/TU');
  const nodes = nodesOf(tree);
  const cells = nodes.filter((n) => n.kind === 'cell' || n.kind === 'base_cell').map((n) => n.id);
  const bases = () =>
    [...world.organizations.values()]
      .filter((o) => (o.kind === 'base_committee' || o.kind === 'base_cell') && o.state.status === 'active')
      .map((o) => o.id);
  const activeCells = () => cells.filter((id) => world.organization(id).state.status === 'active');
  const districts = nodes.filter((n) => n.kind === 'district_committee');

  scheduleMeetings(life, activeCells, later(from, options.meetingsFrom ?? '2020-01-01'), to);
  for (let year = Number(from.slice(0, 4)); `${year}-12-15` <= to; year++) {
    planYear(life, bases, cells, year, from, to);
    scheduleReview(life, bases, () => [...districts.map((d) => d.id), tree.id], year);
  }
  scheduleCongresses(
    life,
    activeCells,
    ['2012-06-15', '2015-04-20', '2017-06-15', '2020-04-20', '2022-06-15', '2025-04-20'].filter(
      (d) => d > from && d <= to,
    ),
  );
  if (from < '2020-07-01' && to >= '2021-12-31')
    schedulePoliceCells(life, cells, () => world.childrenOf(tree.id).flatMap((d) => world.childrenOf(d)));
  if (from < REFORM_DATE && REFORM_DATE <= to) scheduleRandomReform(life, tree, districts);

  await runAgenda(
    world,
    agenda,
    (day) => (day <= addDays(from, 60) ? 'records' : day.slice(0, 4)),
    options.onProgress,
  );
  return {
    events: writer.events,
    organizations: [...world.organizations.keys()],
    members: world.members.size,
    rootId: tree.id,
    communeIds: [...world.organizations.values()].filter((o) => o.kind === 'base_committee').map((o) => o.id),
    cellIds: [...world.organizations.values()]
      .filter((o) => o.kind === 'cell' || o.kind === 'base_cell')
      .map((o) => o.id),
    stats: world.stats,
  };
}

/** The year's lifecycles, planned base organization by base organization on its first day. */
function planYear(
  life: Life,
  bases: () => string[],
  allCells: string[],
  year: number,
  from: string,
  to: string,
) {
  const world = life.world;
  const planOn = later(`${year}-01-01`, addDays(from, 62));
  const last = earlier(`${year}-12-31`, to);
  if (planOn > last) return;
  const share = (Date.parse(last) - Date.parse(planOn)) / (365 * 86_400_000);
  life.at(planOn, planOn, () => {
    const random = life.random;
    const day = () => dayBetween(random, planOn, last);
    const anywhere: Cells = () =>
      Array.from({ length: 8 }, () => random.pick(allCells)).filter((c) => world.isActive(c));
    for (const base of bases()) {
      const cells: Cells = () => world.cellsOf(world.successor(base) ?? base);
      const near: Cells = () => {
        const parent = world.parentOf(world.successor(base) ?? base);
        return parent && world.organization(parent).kind === 'district_committee'
          ? world.cellsOf(parent)
          : anywhere();
      };
      const n = cells().reduce((sum, c) => sum + world.countedIn(c).length, 0);
      const times = (rate: number, act: () => void) => {
        for (let k = random.binomial(n, rate * share); k > 0; k--) act();
      };
      times(RATES.nomination, () => {
        const nominatedOn = day();
        const admitted = random.chance(RATES.admittedOfNominated);
        admission(life, cells, {
          nominatedOn,
          ...(admitted ? { ceremonyOn: addDays(nominatedOn, random.int(70, 240)) } : {}),
        });
      });
      times(RATES.death, () => death(life, cells, day()));
      times(RATES.removal, () => removal(life, cells, day()));
      times(RATES.exit, () => exit(life, cells, day()));
      times(RATES.exemption, () => exemption(life, cells, day()));
      times(RATES.officialTransfer, () => {
        const roll = random.next();
        officialTransfer(life, cells, roll < 0.4 ? cells : roll < 0.75 ? near : anywhere, day());
      });
      times(RATES.temporaryTransfer, () => temporaryTransfer(life, cells, anywhere, day()));
      times(RATES.discipline, () => discipline(life, cells, formOf(random), day()));
      times(RATES.correction, () => correction(life, day()));
    }
  });
}

function formOf(random: Random): MemberDisciplineForm {
  let roll = random.next();
  for (const [form, share] of FORMS) {
    if (roll < share) return form;
    roll -= share;
  }
  return 'reprimand';
}

/** Communes of each district paired and merged; three in ten new communes get a new name. */
function scheduleRandomReform(life: Life, tree: Built, districts: Built[]): void {
  const world = life.world;
  const used = new Set(nodesOf(tree).map((n) => n.name.replace(/^(Xã|Thị trấn|Huyện|Tỉnh) /, '')));
  scheduleReform(
    life,
    tree.id,
    districts.map((d) => ({
      districtId: d.id,
      recordedAfterDays: life.random.int(0, 45),
      groups: () =>
        pairUp(
          life,
          world.childrenOf(d.id).filter((id) => world.organization(id).kind === 'base_committee'),
        ).map((group) =>
          life.random.chance(0.3) ? { ...group, name: `Xã ${placeName(life.random, used)}` } : group,
        ),
    })),
  );
}

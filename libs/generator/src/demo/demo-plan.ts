import { MemberDisciplineForm, addDays } from '@ledger/domain';
import { dayBetween, later, monthEnd, monthStart, monthsOf } from '../calendar';
import { Random } from '../random';
import { apportion } from '../shape';
import {
  DEMO_FROM,
  DEMO_PROVINCES,
  DEMO_TO,
  DemoUnit,
  NA_KHE,
  NA_KHE_KEY,
  SON_DUONG,
  SON_DUONG_KEY,
  THANH_BA,
  THANH_BA_AREA,
} from './demo-shape';

/**
 * The demo's history, planned before anything is recorded: every step that changes who is a member
 * (admissions, deaths, removals, exits, expulsions) or who is rated has its unit and its effective date
 * fixed here, so the members on file in Xã Thanh Ba's and Na Khê's cells can be sized to land exactly
 * on the published figures, and Sơn Dương's admissions and disciplines in the period are exactly those
 * published. Which member each step picks is left to the day it runs.
 */

export type PlannedStep =
  | { kind: 'admission'; unit: string; nominatedOn: string; decisionOn: string; ceremonyOn: string }
  | { kind: 'nomination'; unit: string; on: string }
  | {
      kind: 'death' | 'removal' | 'exit' | 'officialTransfer' | 'temporaryTransfer' | 'correction';
      unit: string;
      on: string;
    }
  | { kind: 'exemption'; unit: string; on: string; old: boolean }
  | { kind: 'discipline'; unit: string; on: string; form: MemberDisciplineForm };

export interface DemoPlan {
  steps: PlannedStep[];
  /** Members on file per unit, cell by cell (named cells first, in their order). */
  sizes: Map<string, number[]>;
}

/** Yearly chances per member. */
const RATES = {
  admission: 0.03,
  nomination: 0.004,
  death: 0.01,
  removal: 0.001,
  exit: 0.0003,
  exemption: 0.01,
  officialTransfer: 0.01,
  temporaryTransfer: 0.003,
  discipline: 0.003,
  correction: 0.003,
};

const FORMS: MemberDisciplineForm[] = [
  'reprimand',
  'reprimand',
  'reprimand',
  'warning',
  'warning',
  'expulsion',
];

const units = (): { unit: DemoUnit; district: string }[] =>
  DEMO_PROVINCES.flatMap((p) =>
    p.districts.flatMap((d) => d.units.map((unit) => ({ unit, district: d.key }))),
  );

const inside = (date: string, from: string, to: string) => from <= date && date <= to;

export function planDemo(random: Random): DemoPlan {
  const sizes = new Map<string, number[]>();
  const expected = new Map<string, number>();
  for (const { unit } of units()) {
    const perCell =
      unit.key === NA_KHE_KEY ? [14, 20] : THANH_BA_AREA.includes(unit.key) ? [25, 33] : [25, 45];
    const cells = Array.from(
      { length: unit.cells },
      (_, i) =>
        unit.named?.[i]?.members ??
        (unit.kind === 'base_cell' ? random.int(15, 30) : random.int(perCell[0], perCell[1])),
    );
    sizes.set(unit.key, cells);
    expected.set(
      unit.key,
      cells.reduce((a, b) => a + b, 0),
    );
  }
  const steps: PlannedStep[] = [];
  for (const { unit, district } of units()) {
    const n = expected.get(unit.key)!;
    for (const [year, month] of monthsOf(addDays(DEMO_FROM, 90), DEMO_TO)) {
      const [first, last] = [monthStart(year, month), monthEnd(year, month)];
      const times = (rate: number, add: (on: string) => void) => {
        for (let k = random.binomial(n, rate / 12); k > 0; k--) add(dayBetween(random, first, last));
      };
      const sonDuongWindow = district === SON_DUONG_KEY && inside(first, SON_DUONG.from, SON_DUONG.to);
      if (!sonDuongWindow) times(RATES.admission, (on) => steps.push(admission(random, unit.key, on)));
      times(RATES.nomination, (on) => steps.push({ kind: 'nomination', unit: unit.key, on }));
      for (const kind of [
        'death',
        'removal',
        'exit',
        'officialTransfer',
        'temporaryTransfer',
        'correction',
      ] as const)
        times(RATES[kind], (on) => steps.push({ kind, unit: unit.key, on }));
      times(RATES.exemption, (on) =>
        steps.push({ kind: 'exemption', unit: unit.key, on, old: random.chance(0.7) }),
      );
      if (!sonDuongWindow)
        times(RATES.discipline, (on) =>
          steps.push({ kind: 'discipline', unit: unit.key, on, form: random.pick(FORMS) }),
        );
    }
  }
  steps.push(...sonDuongPeriod(random, expected));
  const kept = steps
    .filter((step) => allowed(step))
    .filter((s) => s.kind !== 'admission' || s.ceremonyOn >= '2021-04-01');
  sizeThanhBa(random, kept, sizes);
  sizeNaKhe(random, kept, sizes);
  return { steps: kept, sizes };
}

function admission(random: Random, unit: string, ceremonyOn: string): PlannedStep {
  const nominatedOn = later(addDays(ceremonyOn, -random.int(70, 200)), addDays(DEMO_FROM, 15));
  const decisionOn = later(addDays(ceremonyOn, -random.int(5, 28)), nominatedOn);
  return { kind: 'admission', unit, nominatedOn, decisionOn, ceremonyOn };
}

/** Exactly the published admissions and disciplines of Sơn Dương from June 2021 to March 2024. */
function sonDuongPeriod(random: Random, expected: Map<string, number>): PlannedStep[] {
  const sonDuong = units().filter((u) => u.district === SON_DUONG_KEY);
  const pick = (among: DemoUnit[]) => {
    const weights = among.map((u) => expected.get(u.key)!);
    let roll = random.int(0, weights.reduce((a, b) => a + b, 0) - 1);
    return among.find((_, i) => (roll -= weights[i]) < 0)!.key;
  };
  const all = sonDuong.map((u) => u.unit);
  // Removals from post and expulsions fall to the communes, whose committees hold posts and officials enough.
  const communes = all.filter((u) => u.kind === 'base_committee');
  const steps: PlannedStep[] = [];
  for (let i = 0; i < SON_DUONG.admitted; i++)
    steps.push(admission(random, pick(all), dayBetween(random, SON_DUONG.from, SON_DUONG.to)));
  for (const [form, count] of Object.entries(SON_DUONG.disciplined) as [MemberDisciplineForm, number][])
    for (let i = 0; i < count; i++) {
      const unit = pick(form === 'reprimand' || form === 'warning' ? all : communes);
      steps.push({ kind: 'discipline', unit, on: dayBetween(random, SON_DUONG.from, SON_DUONG.to), form });
    }
  return steps;
}

/**
 * What the exact figures need to hold whatever member each step picks: no official transfer in Xã Thanh
 * Ba's communes in the half year before the merger (no member in transit on 1 July 2025); in Na Khê no
 * discipline in 2023 (DIS-13 would rate the member "not completed") and, around the 2023 review, no
 * admission, departure or exemption that the review could see or miss depending on when it is recorded;
 * and exemptions there before 2024 only for old age (for good).
 */
function allowed(step: PlannedStep): boolean {
  const on = step.kind === 'admission' ? step.ceremonyOn : step.on;
  if (THANH_BA_AREA.includes(step.unit))
    return !(step.kind === 'officialTransfer' && inside(on, '2025-01-01', '2025-07-31'));
  if (step.unit !== NA_KHE_KEY) return true;
  if (step.kind === 'discipline' && on.startsWith(`${NA_KHE.year}-`)) return false;
  if (step.kind === 'exemption' && on < `${NA_KHE.year + 1}-01-01` && !step.old) return false;
  const quiet = inside(on, `${NA_KHE.year}-05-01`, `${NA_KHE.year + 1}-02-15`);
  return !(quiet && ['admission', 'death', 'removal', 'exit', 'exemption', 'discipline'].includes(step.kind));
}

const leaves = (step: PlannedStep, by: string): boolean =>
  (['death', 'removal', 'exit'].includes(step.kind) ||
    (step.kind === 'discipline' && step.form === 'expulsion')) &&
  'on' in step &&
  step.on <= by;

/** Xã Thanh Ba on 1 July 2025: those on file, plus those admitted by then, less those who left by then. */
function sizeThanhBa(random: Random, steps: PlannedStep[], sizes: Map<string, number[]>): void {
  const area = steps.filter((s) => THANH_BA_AREA.includes(s.unit));
  const admitted = area.filter((s) => s.kind === 'admission' && s.ceremonyOn <= THANH_BA.asOf).length;
  const left = area.filter((s) => leaves(s, THANH_BA.asOf)).length;
  resize(random, THANH_BA_AREA, THANH_BA.members - admitted + left, sizes);
}

/** Na Khê's members rated for 2023: on file, plus admitted by mid-2023, less those who left or were exempted. */
function sizeNaKhe(random: Random, steps: PlannedStep[], sizes: Map<string, number[]>): void {
  const unit = steps.filter((s) => s.unit === NA_KHE_KEY);
  const yearEnd = `${NA_KHE.year}-12-31`;
  const admitted = unit.filter(
    (s) => s.kind === 'admission' && s.decisionOn <= `${NA_KHE.year}-06-30`,
  ).length;
  const left = unit.filter((s) => leaves(s, yearEnd)).length;
  const exempted = unit.filter((s) => s.kind === 'exemption' && s.on <= yearEnd).length;
  const rated = Object.values(NA_KHE.members).reduce((a, b) => a + b, 0);
  resize(random, [NA_KHE_KEY], rated - admitted + left + exempted, sizes);
}

/** Shares `total` members among the units' cells, keeping the named cells' fixed sizes. */
function resize(random: Random, keys: string[], total: number, sizes: Map<string, number[]>): void {
  const fixed = units()
    .filter((u) => keys.includes(u.unit.key))
    .flatMap((u) => (u.unit.named ?? []).map((n) => n.members ?? 0))
    .reduce((a, b) => a + b, 0);
  const free: { key: string; index: number; weight: number }[] = [];
  for (const { unit } of units().filter((u) => keys.includes(u.unit.key)))
    sizes.get(unit.key)!.forEach((weight, index) => {
      if (unit.named?.[index]?.members === undefined) free.push({ key: unit.key, index, weight });
    });
  const shares = apportion(
    total - fixed,
    free.map((f) => f.weight + random.int(0, 3)),
  );
  free.forEach((f, i) => (sizes.get(f.key)![f.index] = shares[i]));
}

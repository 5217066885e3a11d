import { addDays, disciplinesInForce, isExemptedOn } from '@ledger/domain';
import { Agenda } from './agenda';
import { later, recordingLag } from './calendar';
import { MemberRecord, World } from './world';

/** The cells a step may pick its member from, resolved when it runs (the tree may have changed). */
export type Cells = () => string[];

export interface LifeOptions {
  /** The last day anything is recorded. */
  today: string;
  /** The last effective date simulated. */
  to: string;
  /** PRB-3: the share of probationers found unfit and removed. */
  probationFailure: number;
  /** Share of new member streams kept whole so that their records can be corrected later. */
  trackShare: number;
}

/** Options of every planned step: `critical` steps must succeed (the demo's figures depend on them). */
export interface Step {
  critical?: boolean;
  /** A further condition on the member picked. */
  eligible?: (member: MemberRecord) => boolean;
}

const active = (m: MemberRecord) => m.state.status === 'probationary' || m.state.status === 'official';

/** The cell a person is registered in ('' for none). */
export const cellOf = (m: MemberRecord): string => (m.state.status === 'none' ? '' : m.state.cellId);

const birthOf = (m: MemberRecord): string => (m.state.status === 'none' ? '' : m.state.birthDate);

export const holdsPost = (m: MemberRecord): boolean =>
  m.state.status !== 'none' && m.state.status !== 'candidate' && !!m.state.profile.position;

/** Exempted on the date (EXM): not rated, not expected at meetings, still counted. */
export const exemptedOn = (m: MemberRecord, date: string): boolean =>
  (m.state.status === 'probationary' || m.state.status === 'official') && isExemptedOn(m.state, date);

/** DIS-12, REM-4: a discipline in force on the date. */
export const disciplinedOn = (m: MemberRecord, date: string): boolean =>
  m.state.status !== 'none' && m.state.status !== 'candidate' && disciplinesInForce(m.state, date).length > 0;

const inTransfer = (m: MemberRecord): boolean =>
  (m.state.status === 'probationary' || m.state.status === 'official') && !!m.state.transfer;

/**
 * The lifecycles' common ground (the steps themselves are in lifecycle/): each planned step is scheduled
 * on the day it is recorded (its effective date plus a lag) and, when it runs, picks its member among
 * those eligible then, asks the domain, and schedules what follows (a nomination its admission, an
 * admission its recognition a year on, a departure its arrival, a case its decision). Both the random
 * province and the scripted demo plan with these steps.
 */
export class Life {
  /** Members whose streams are kept whole (corrections pick among them). */
  readonly tracked: string[] = [];

  constructor(
    readonly world: World,
    readonly agenda: Agenda,
    readonly options: LifeOptions,
  ) {}

  get random() {
    return this.world.random;
  }

  /**
   * Runs `run` on `recordedOn` (never before the day being simulated: the log is in recording order),
   * unless it takes effect after `to` or would be recorded after today.
   */
  at(effectiveDate: string, recordedOn: string, run: () => void): void {
    const on = later(recordedOn, this.world.today);
    if (effectiveDate > this.options.to || on > this.options.today) return;
    this.agenda.schedule(on, run);
  }

  /** Recorded some days to months after it took effect. */
  late(effectiveDate: string, run: () => void): void {
    this.at(effectiveDate, addDays(effectiveDate, recordingLag(this.random)), run);
  }

  /** A step that could not be taken: ignored, unless critical. */
  fail(step: Step, what: string): void {
    if (step.critical)
      throw new Error(`${what} failed: ${this.world.lastRefusal?.message ?? 'nobody eligible'}`);
  }

  /**
   * A member of the cells (weighted by cell size) meeting `ok`; with `tournament` > 1 the eldest of that
   * many. Random draws first; when they find no one, every member of the cells is looked at.
   */
  pick(cells: string[], ok: (m: MemberRecord) => boolean, tournament = 1): MemberRecord | undefined {
    const sets = cells.map((c) => this.world.registeredIn(c));
    const total = sets.reduce((n, s) => n + s.size, 0);
    if (total === 0) return undefined;
    let best: MemberRecord | undefined;
    for (let found = 0, tries = 0; found < tournament && tries < 80; tries++) {
      let roll = this.random.int(0, total - 1);
      const set = sets.find((s) => (roll -= s.size) < 0)!;
      const record = set.pick(this.random)!;
      if (!ok(record)) continue;
      found += 1;
      if (!best || birthOf(record) < birthOf(best)) best = record;
    }
    if (best) return best;
    const everyone = sets.flatMap((s) => s.values().filter(ok));
    return everyone.length > 0 ? this.random.pick(everyone) : undefined;
  }

  /** Picks members (as `pick`) until `act` succeeds with one; a refusal by the domain means another is tried. */
  tryMembers(
    cells: string[],
    ok: (m: MemberRecord) => boolean,
    act: (m: MemberRecord) => boolean,
    tournament = 1,
  ): MemberRecord | undefined {
    const tried = new Set<MemberRecord>();
    for (let attempt = 0; attempt < 6; attempt++) {
      const member = this.pick(cells, (m) => !tried.has(m) && ok(m), tournament);
      if (!member) return undefined;
      if (act(member)) return member;
      tried.add(member);
    }
    return undefined;
  }

  /** A cell, weighted by the people registered in it. */
  pickCell(cells: string[]): string | undefined {
    const weights = cells.map((c) => this.world.registeredIn(c).size + 1);
    let roll = this.random.int(0, weights.reduce((a, b) => a + b, 0) - 1);
    return cells.find((_, i) => (roll -= weights[i]) < 0);
  }

  /** Active, with nothing else under way, and no record of theirs dated after `on`. */
  free(on: string, step: Step = {}) {
    return (m: MemberRecord) =>
      active(m) && m.floor <= on && !m.pendingCase && !inTransfer(m) && (!step.eligible || step.eligible(m));
  }

  track(record: MemberRecord | undefined): void {
    if (record?.tracked) this.tracked.push(record.id);
  }
}

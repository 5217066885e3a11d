import { NameRemovalReason, addDays } from '@ledger/domain';
import {
  death as recordDeath,
  endTheExemption,
  exempt,
  exit as exitVoluntarily,
  removal as removeName,
} from '../actions/members';
import { Cells, Life, Step, disciplinedOn, exemptedOn } from '../life';
import { MemberRecord } from '../world';

/** Deaths (the eldest of a few picked), removals, exits, and exemptions from work and activities. */

export function death(life: Life, cells: Cells, on: string, step: Step = {}): void {
  life.late(on, () => {
    if (!life.tryMembers(cells(), life.free(on, step), (m) => recordDeath(life.world, m, on), 3))
      life.fail(step, `Death on ${on}`);
  });
}

const REMOVAL_REASONS: NameRemovalReason[] = [
  'abandoned_activity',
  'abandoned_activity',
  'two_years_in_breach',
  'no_progress_after_education',
];

/** Xóa tên (REM-1), mostly for abandoning activity. */
export function removal(life: Life, cells: Cells, on: string, step: Step = {}): void {
  life.late(on, () => {
    const reason = life.random.pick(REMOVAL_REASONS);
    if (!life.tryMembers(cells(), life.free(on, step), (m) => removeName(life.world, m, reason, on)))
      life.fail(step, `Removal on ${on}`);
  });
}

/** REM-4: only a member with no discipline in force (and no case open) may leave of their own will. */
export function exit(life: Life, cells: Cells, on: string, step: Step = {}): void {
  life.late(on, () => {
    const free = life.free(on, step);
    const blameless = (m: MemberRecord) => free(m) && !disciplinedOn(m, on);
    if (!life.tryMembers(cells(), blameless, (m) => exitVoluntarily(life.world, m, on)))
      life.fail(step, `Exit on ${on}`);
  });
}

const TEMPORARY_GROUNDS = ['medical_treatment', 'abroad', 'mobile_work', 'maternity_leave'] as const;

/**
 * Mostly the old and weak (for good, the eldest of a few picked); some for treatment or work away, for
 * months, ended by the cell. `old` forces one kind or the other.
 */
export function exemption(
  life: Life,
  cells: Cells,
  on: string,
  step: Step = {},
  old = life.random.chance(0.7),
) {
  life.late(on, () => {
    const free = life.free(on, step);
    const notExempted = (m: MemberRecord) => free(m) && !exemptedOn(m, on);
    if (old) {
      if (!life.tryMembers(cells(), notExempted, (m) => exempt(life.world, m, 'old_or_weak', on), 4))
        life.fail(step, `Exemption on ${on}`);
      return;
    }
    const until = addDays(on, life.random.int(90, 360));
    const reason = life.random.pick(TEMPORARY_GROUNDS);
    const member = life.tryMembers(cells(), notExempted, (m) => exempt(life.world, m, reason, on, until));
    if (!member) return life.fail(step, `Exemption on ${on}`);
    if (life.random.chance(0.4)) {
      const back = addDays(until, -life.random.int(0, 30));
      life.late(back, () => {
        if (member.floor <= back) endTheExemption(life.world, member, back);
      });
    }
  });
}

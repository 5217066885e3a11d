import { addDays } from '@ledger/domain';
import { later } from '../calendar';
import { admit, failTheProbation, makeOfficial, nominate, probationEnd } from '../actions/members';
import { Cells, Life, Step } from '../life';
import { MemberRecord } from '../world';

/**
 * A nomination in one of the cells on `nominatedOn`; when `ceremonyOn` is given, the admission (decided
 * `decisionOn`, by default 5–28 days before the ceremony), then the official recognition after the 12
 * months (sometimes decided months late, PRB-4) — or, for a few, the probation failed.
 */
export function admission(
  life: Life,
  cells: Cells,
  plan: { nominatedOn: string; ceremonyOn?: string; decisionOn?: string },
  step: Step = {},
): void {
  const { nominatedOn, ceremonyOn } = plan;
  const random = life.random;
  life.late(nominatedOn, () => {
    const cell = life.pickCell(cells().filter((c) => life.world.isActive(c, nominatedOn)));
    const decisionOn = later(
      plan.decisionOn ?? (ceremonyOn ? addDays(ceremonyOn, -random.int(5, 28)) : nominatedOn),
      nominatedOn,
    );
    // ADM-1: of age (18) when the cell considers the application; most candidates are young.
    const age = random.chance(0.8) ? random.int(18 * 365 + 200, 32 * 365) : random.int(32 * 365, 45 * 365);
    const track = random.chance(life.options.trackShare);
    const candidate = cell && nominate(life.world, cell, addDays(decisionOn, -age), nominatedOn, track);
    if (!candidate) return life.fail(step, `Nomination on ${nominatedOn}`);
    life.track(candidate);
    if (!ceremonyOn) return;
    life.late(ceremonyOn, () => {
      if (!admit(life.world, candidate, decisionOn, ceremonyOn))
        return life.fail(step, `Admission on ${ceremonyOn}`);
      probation(life, candidate, ceremonyOn);
    });
  });
}

/** After the ceremony: the recognition a year on, or (a few) the probation failed (PRB-3). */
export function probation(life: Life, member: MemberRecord, ceremonyOn: string): void {
  const random = life.random;
  const ends = probationEnd(ceremonyOn);
  if (random.chance(life.options.probationFailure)) {
    const on = addDays(ends, -random.int(0, 40));
    return life.late(on, () => {
      if (member.floor <= on && !member.pendingCase) failTheProbation(life.world, member, on);
    });
  }
  recognition(life, member, addDays(ends, random.chance(0.8) ? random.int(0, 30) : random.int(31, 150)), 0);
}

function recognition(life: Life, member: MemberRecord, decidedOn: string, attempt: number): void {
  life.at(decidedOn, addDays(decidedOn, life.random.int(0, 20)), () => {
    if (member.state.status !== 'probationary') return;
    // PRB-7 (too few official members to vote) or a ceremony corrected since: decided again later.
    if (!makeOfficial(life.world, member, decidedOn) && attempt < 5) {
      const next = later(addDays(decidedOn, 45), probationEnd(member.state.admission.ceremonyDate));
      recognition(life, member, next, attempt + 1);
    }
  });
}

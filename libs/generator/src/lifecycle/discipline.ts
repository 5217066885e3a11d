import { MemberDisciplineForm, addDays, wasProbationerOn } from '@ledger/domain';
import { Body, close, decideAndApply, open } from '../actions/discipline';
import { Cells, Life, Step, cellOf } from '../life';
import { CaseRecord, MemberRecord } from '../world';
import { newSecretary } from './records';

/**
 * A discipline case decided on `decidedOn`: opened weeks before by the cell or an inspection committee,
 * decided by a body that may impose the form (DIS-2..4) together with its effect on the member, closed
 * some weeks after. Removal from post needs a post held; removal and expulsion an official member.
 */
export function discipline(
  life: Life,
  cells: Cells,
  form: MemberDisciplineForm,
  decidedOn: string,
  step: Step = {},
) {
  const random = life.random;
  const openedOn = addDays(decidedOn, -random.int(20, 80));
  const fits = (m: MemberRecord): boolean => {
    const state = m.state;
    if (form === 'reprimand' || form === 'warning') return true;
    if (state.status !== 'official' || wasProbationerOn(state, decidedOn) || state.officialSince > openedOn)
      return false;
    return form !== 'dismissal' || !!state.profile.position;
  };
  life.late(openedOn, () => {
    const free = life.free(openedOn, step);
    let opened: { kase: CaseRecord; opener: Body } | undefined;
    const member = life.tryMembers(
      cells(),
      (m) => free(m) && fits(m),
      (m) => {
        const opener = openerOf(life, m, form);
        const kase = open(life.world, m, opener, addDays(openedOn, -random.int(15, 300)), openedOn);
        opened = kase && { kase, opener };
        return kase !== undefined;
      },
    );
    if (!member || !opened) return life.fail(step, `Discipline case on ${openedOn}`);
    const { kase, opener } = opened;
    const decider = deciderOf(life, member, form, opener);
    const cellId = cellOf(member);
    life.late(decidedOn, () => {
      if (!decideAndApply(life.world, kase, member, form, decider, decidedOn)) {
        member.pendingCase = undefined;
        return life.fail(step, `Discipline (${form}) on ${decidedOn}`);
      }
      if (form === 'dismissal') newSecretary(life, cellId, addDays(decidedOn, random.int(15, 45)));
      const closedOn = addDays(decidedOn, random.int(15, 60));
      life.late(closedOn, () => void close(life.world, kase, closedOn));
    });
  });
}

/** Who opens a case: the cell for the lighter forms half the time, else an inspection committee (ORG-9). */
function openerOf(life: Life, member: MemberRecord, form: MemberDisciplineForm): Body {
  const cellId = cellOf(member);
  const base = life.world.baseOf(cellId);
  const superior = life.world.parentOf(base) ?? base;
  if ((form === 'reprimand' || form === 'warning') && life.random.chance(0.5))
    return { id: cellId, kind: 'cell' };
  return { id: base === cellId ? superior : base, kind: 'inspection_committee' };
}

/**
 * Who decides (DIS-2..4): the opener for a reprimand or a warning; the superior committee's inspection
 * committee for a removal from post; its standing committee for an expulsion.
 */
function deciderOf(life: Life, member: MemberRecord, form: MemberDisciplineForm, opener: Body): Body {
  const superior = life.world.parentOf(life.world.baseOf(cellOf(member))) ?? opener.id;
  if (form === 'expulsion') return { id: superior, kind: 'standing_committee' };
  if (form === 'dismissal') return { id: superior, kind: 'inspection_committee' };
  return opener;
}

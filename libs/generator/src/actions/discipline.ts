import {
  DisciplineBodyKind,
  MemberDisciplineForm,
  applyDiscipline,
  closeCase,
  decideDiscipline,
  memberFactsOn,
  openCase,
} from '@ledger/domain';
import { CaseRecord, MemberRecord, World } from '../world';

/** Discipline through the discipline-case domain: the case opened, decided, closed; the member disciplined. */

const ALLEGATIONS = [
  'Vi phạm những điều đảng viên không được làm',
  'Vi phạm trong thực hiện chức trách, nhiệm vụ được giao',
  'Vi phạm quy định về quản lý, sử dụng đất đai',
  'Vi phạm quy định về quản lý tài chính, ngân sách',
  'Không thực hiện nhiệm vụ đảng viên, bỏ sinh hoạt đảng không có lý do',
  'Vi phạm pháp luật về an toàn giao thông',
  'Vi phạm đạo đức, lối sống',
];

export interface Body {
  id: string;
  kind: DisciplineBodyKind;
}

export function open(
  world: World,
  member: MemberRecord,
  body: Body,
  violationDate: string,
  effectiveDate: string,
): CaseRecord | undefined {
  const kase = world.newCase();
  const done = world.decide('openCase', () => [
    {
      record: kase,
      events: openCase(
        {
          caseId: kase.id,
          subject: { kind: 'member', memberId: member.id },
          openedBy: body.id,
          openedByKind: body.kind,
          allegation: world.random.pick(ALLEGATIONS),
          violationDate,
          effectiveDate,
        },
        kase.state,
        { today: world.today, subject: memberFactsOn(member.state, member.id, effectiveDate) },
      ),
    },
  ]);
  if (!done) {
    world.cases.delete(kase.id);
    return undefined;
  }
  member.pendingCase = kase.id;
  return kase;
}

/**
 * The competent body's decision and its effect on the member's stream (MemberDisciplined, and
 * MemberExpelled for an expulsion), decided together and appended together: one decision, one append.
 */
export function decideAndApply(
  world: World,
  kase: CaseRecord,
  member: MemberRecord,
  form: MemberDisciplineForm,
  body: Body,
  effectiveDate: string,
): boolean {
  const decisionRef = world.ref(body.kind === 'cell' ? 'QĐ/CB' : 'QĐ-KL');
  const done = world.decide(
    'decideDiscipline',
    () => {
      const decided = decideDiscipline(
        { caseId: kase.id, form, decidedBy: body.id, decidedByKind: body.kind, decisionRef, effectiveDate },
        kase.state,
        {
          today: world.today,
          subject: memberFactsOn(member.state, member.id, effectiveDate),
          delegatedAdmissionPower: true,
        },
      );
      const applied = applyDiscipline(
        { memberId: member.id, caseId: kase.id, form, decisionRef, decidedBy: body.id, effectiveDate },
        member.state,
        { today: world.today },
      );
      return [
        { record: kase, events: decided },
        { record: member, events: applied },
      ];
    },
    decisionRef,
  );
  if (done) member.pendingCase = undefined;
  return done;
}

export function close(world: World, kase: CaseRecord, effectiveDate: string): boolean {
  return world.decide('closeCase', () => [
    {
      record: kase,
      events: closeCase({ caseId: kase.id, reason: 'decided', effectiveDate }, kase.state, {
        today: world.today,
      }),
    },
  ]);
}

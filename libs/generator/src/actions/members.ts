import {
  ExemptionReason,
  IntroducerFacts,
  NameRemovalReason,
  addMonths,
  admitMember,
  appointCommitteeMember,
  countedInCell,
  endExemption,
  exemptMember,
  exitVoluntarily,
  failProbation,
  makeMembershipOfficial,
  nominateCandidate,
  recordDeath,
  registerExistingMember,
  removeName,
  updateProfile,
} from '@ledger/domain';
import { personName } from '../names';
import { MemberRecord, Part, World } from '../world';

/** Member decisions, each given the context a command handler would look up (here, in memory). */

const on = (record: MemberRecord, events: Part['events']): Part[] => [{ record, events }];

/** A member on the rolls before the ledger began (paper records): the admission and official dates on file. */
export function registerFromRecords(
  world: World,
  cellId: string,
  person: { birthDate: string; admittedOn: string; officialOn?: string },
  effectiveDate: string,
  track = false,
): MemberRecord | undefined {
  const record = world.newMember();
  if (track) record.tracked = [];
  const command = {
    memberId: record.id,
    fullName: personName(world.random),
    cellId,
    ...person,
    effectiveDate,
  };
  const done = world.decide('registerExistingMember', () =>
    on(
      record,
      registerExistingMember(command, record.state, {
        today: world.today,
        cell: world.cellFacts(cellId, effectiveDate),
      }),
    ),
  );
  if (done) return record;
  world.members.delete(record.id);
  return undefined;
}

/** Quần chúng ưu tú proposed by the cell: opens the person's stream. */
export function nominate(
  world: World,
  cellId: string,
  birthDate: string,
  effectiveDate: string,
  track = false,
): MemberRecord | undefined {
  const record = world.newMember();
  if (track) record.tracked = [];
  const command = {
    memberId: record.id,
    fullName: personName(world.random),
    birthDate,
    cellId,
    effectiveDate,
  };
  const done = world.decide('nominateCandidate', () =>
    on(
      record,
      nominateCandidate(command, record.state, {
        today: world.today,
        cell: world.cellFacts(cellId, effectiveDate),
      }),
    ),
  );
  if (done) return record;
  world.members.delete(record.id);
  return undefined;
}

/** ADM-5: two official members, counted in a cell of the candidate's base organization. */
export function introducersFor(world: World, cellId: string, candidateId: string): IntroducerFacts[] {
  const base = world.baseOf(cellId);
  const cells = world.cellsOf(base);
  const chosen: IntroducerFacts[] = [];
  for (let attempt = 0; attempt < 60 && chosen.length < 2; attempt++) {
    const cell = world.random.pick(cells);
    const member = world.registeredIn(cell).pick(world.random);
    if (!member || member.id === candidateId || chosen.some((c) => c.memberId === member.id)) continue;
    const state = member.state;
    if (state.status === 'official' && countedInCell(state) === cell)
      chosen.push({ memberId: member.id, status: state.status, baseOrganizationId: base });
  }
  return chosen;
}

/** Kết nạp: the committee's decision (`decisionDate`) and the ceremony (the event's effective date). */
export function admit(
  world: World,
  record: MemberRecord,
  decisionDate: string,
  ceremonyDate: string,
): boolean {
  const state = record.state;
  if (state.status !== 'candidate') return false;
  const introducers = introducersFor(world, state.cellId, record.id);
  const base = world.baseOf(state.cellId);
  const decisionRef = world.ref('QĐ/ĐU');
  return world.decide(
    'admitMember',
    () =>
      on(
        record,
        admitMember(
          {
            memberId: record.id,
            decisionRef,
            decidedBy: base,
            decisionDate,
            ceremonyDate,
            introducerIds: introducers.map((i) => i.memberId),
          },
          state,
          { today: world.today, cell: world.cellFacts(state.cellId, ceremonyDate), introducers },
        ),
      ),
    decisionRef,
  );
}

/** Công nhận chính thức, decided on `decidedOn`; effective at the end of probation whatever that date (PRB-4). */
export function makeOfficial(world: World, record: MemberRecord, decidedOn: string): boolean {
  const state = record.state;
  if (state.status !== 'probationary') return false;
  const decisionRef = world.ref('QĐ/ĐU');
  return world.decide(
    'makeMembershipOfficial',
    () =>
      on(
        record,
        makeMembershipOfficial({ memberId: record.id, decisionRef, decidedOn }, state, {
          today: world.today,
          officialMembersInCell: world.officialsIn(state.cellId),
        }),
      ),
    decisionRef,
  );
}

export function failTheProbation(world: World, record: MemberRecord, effectiveDate: string): boolean {
  const decisionRef = world.ref('QĐ/ĐU');
  return world.decide(
    'failProbation',
    () =>
      on(
        record,
        failProbation({ memberId: record.id, decisionRef, effectiveDate }, record.state, {
          today: world.today,
        }),
      ),
    decisionRef,
  );
}

export function exempt(
  world: World,
  record: MemberRecord,
  reason: ExemptionReason,
  effectiveDate: string,
  until?: string,
): boolean {
  return world.decide('exemptMember', () =>
    on(
      record,
      exemptMember({ memberId: record.id, reason, until, effectiveDate }, record.state, {
        today: world.today,
      }),
    ),
  );
}

export function endTheExemption(world: World, record: MemberRecord, effectiveDate: string): boolean {
  return world.decide('endExemption', () =>
    on(record, endExemption({ memberId: record.id, effectiveDate }, record.state, { today: world.today })),
  );
}

export function death(world: World, record: MemberRecord, effectiveDate: string): boolean {
  return world.decide('recordDeath', () =>
    on(record, recordDeath({ memberId: record.id, effectiveDate }, record.state, { today: world.today })),
  );
}

export function removal(
  world: World,
  record: MemberRecord,
  reason: NameRemovalReason,
  effectiveDate: string,
): boolean {
  const decisionRef = world.ref('QĐ/ĐU');
  return world.decide(
    'removeName',
    () =>
      on(
        record,
        removeName({ memberId: record.id, reason, decisionRef, effectiveDate }, record.state, {
          today: world.today,
        }),
      ),
    decisionRef,
  );
}

export function exit(world: World, record: MemberRecord, effectiveDate: string): boolean {
  const decisionRef = world.ref('QĐ/ĐU');
  return world.decide(
    'exitVoluntarily',
    () =>
      on(
        record,
        exitVoluntarily({ memberId: record.id, decisionRef, effectiveDate }, record.state, {
          today: world.today,
          pendingDisciplineCaseIds: record.pendingCase ? [record.pendingCase] : [],
        }),
      ),
    decisionRef,
  );
}

export function setPosition(
  world: World,
  record: MemberRecord,
  position: string | null,
  effectiveDate: string,
): boolean {
  return world.decide('updateProfile', () =>
    on(
      record,
      updateProfile({ memberId: record.id, position, effectiveDate }, record.state, { today: world.today }),
    ),
  );
}

/**
 * A cell (or base committee) elects its secretary (ORG-4): the appointment on the organization's stream
 * and the post on the member's file, which is what makes removal from post (cách chức) possible later.
 */
export function appointSecretary(
  world: World,
  organizationId: string,
  record: MemberRecord,
  position: string,
  effectiveDate: string,
): boolean {
  const organization = world.organization(organizationId);
  const cells = world.cellsOf(organizationId);
  const decisionRef = world.ref('NQ/ĐH');
  const appointed = world.decide(
    'appointCommitteeMember',
    () => [
      {
        record: organization,
        events: appointCommitteeMember(
          { organizationId, memberId: record.id, role: 'secretary', effectiveDate, decisionRef },
          organization.state,
          {
            appointeeIsOfficialMember:
              record.state.status === 'official' && cells.includes(countedInCell(record.state) ?? ''),
            officialMemberCount: cells.reduce((n, cell) => n + world.officialsIn(cell), 0),
          },
        ),
      },
    ],
    decisionRef,
  );
  return appointed && setPosition(world, record, position, effectiveDate);
}

/** The end of the 12 months of probation of a member admitted at `ceremonyDate` (PRB-1). */
export const probationEnd = (ceremonyDate: string): string => addMonths(ceremonyDate, 12);

import { Inject, Injectable } from '@nestjs/common';
import {
  applyCorrections,
  CaseSubject,
  DomainEvent,
  EntityNotFound,
  evolveMember,
  evolveOrganization,
  initialMemberState,
  initialOrganizationState,
  Member,
  memberFactsOn,
  memberStream,
  Organization,
  organizationFactsOn,
  organizationStream,
  SubjectFacts,
} from '@ledger/domain';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { Loaded, toDomainEvent } from '../commands/command-executor';

/** A case's subject as a decision sees it on a date. */
export interface SubjectOn {
  /** What the case decisions need (discipline-case.facts.ts), as things stood on the date. */
  facts: SubjectFacts;
  /** Every stream the facts were read from, with its version: the append fails if one has moved. */
  streams: Loaded<unknown>[];
  /** A member subject's stream as it stands now: what the member-side effect is decided on. */
  member?: Loaded<Member>;
}

/** A stream folded twice: all of it (the state effects are decided on), and as it stood on a date. */
interface ReadOn<S> {
  loaded: Loaded<S>;
  on: S;
}

/**
 * Reads a case's subject as it stood on a date (valid time): the stream's events effective on or before
 * it, as corrected, folded — so a transfer or a departure recorded for a later date does not colour a
 * decision taken before it. An organization's superiors are its parent chain as the tree stood then, or,
 * for one merged or dissolved since, on the day it ended (DIS-4, DIS-10).
 */
@Injectable()
export class CaseSubjects {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** 404 for a subject that never existed; one not yet existing on the date is the domain's to refuse. */
  async on(subject: CaseSubject, date: string): Promise<SubjectOn> {
    if (subject.kind === 'member') {
      const { memberId } = subject;
      const member = await this.readOn(memberStream(memberId), evolveMember, initialMemberState, date);
      if (member.loaded.version < 0) throw new EntityNotFound('member', memberId);
      return {
        facts: memberFactsOn(member.on, memberId, date),
        streams: [member.loaded],
        member: member.loaded,
      };
    }
    const { organizationId } = subject;
    const organization = await this.organizationOn(organizationId, date);
    if (organization.loaded.version < 0) throw new EntityNotFound('organization', organizationId);
    const state = organization.on;
    const ended = state.status === 'merged' || state.status === 'dissolved';
    const superiors = await this.superiorsOn(
      state.status === 'none' ? null : state.parentId,
      ended && state.endedOn < date ? state.endedOn : date,
      organizationId,
    );
    return {
      facts: organizationFactsOn(
        state,
        organizationId,
        date,
        superiors.map((s) => s.id),
      ),
      streams: [organization.loaded, ...superiors.map((s) => s.loaded)],
    };
  }

  /** The chain of parents from `parentId` on `date`, nearest first; stops at one not yet established, or a cycle. */
  private async superiorsOn(
    parentId: string | null,
    date: string,
    organizationId: string,
  ): Promise<{ id: string; loaded: Loaded<Organization> }[]> {
    const chain: { id: string; loaded: Loaded<Organization> }[] = [];
    const seen = new Set([organizationId]);
    for (let id = parentId; id && !seen.has(id);) {
      seen.add(id);
      const parent = await this.organizationOn(id, date);
      if (parent.on.status === 'none') break;
      chain.push({ id, loaded: parent.loaded });
      id = parent.on.parentId;
    }
    return chain;
  }

  private organizationOn(id: string, date: string): Promise<ReadOn<Organization>> {
    return this.readOn(organizationStream(id), evolveOrganization, initialOrganizationState, date);
  }

  private async readOn<S, E extends DomainEvent>(
    streamId: string,
    evolve: (s: S, e: E) => S,
    initial: S,
    date: string,
  ): Promise<ReadOn<S>> {
    const events = await this.store.readStream(streamId);
    const corrected = applyCorrections(events).map(toDomainEvent);
    const fold = (list: DomainEvent[]) => list.reduce((s, e) => evolve(s, e as E), initial);
    return {
      loaded: { streamId, state: fold(corrected), version: events.length - 1 },
      on: fold(corrected.filter((e) => e.effectiveDate <= date)),
    };
  }
}

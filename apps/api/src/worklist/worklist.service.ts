import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import {
  evolveMember,
  initialMemberState,
  Member,
  MemberEvent,
  memberStream,
  Worklist,
  worklistOf,
} from '@ledger/domain';
import { PG_POOL } from '@ledger/database';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { knownEvents, membersInTransit } from '@ledger/projections';
import { toDomainEvent } from '../commands/command-executor';
import { ProjectionsService } from '../projections/projections.service';

export interface WorklistQuery {
  organizationId: string;
  asOf: string;
  knownAt?: string;
  badgeHorizonMonths: number;
}

export type WorklistAnswer = Worklist & { organizationId: string; asOf: string };

const PAGE = 500;
/** Member streams read at once: below the pool's size, so other requests still get a connection. */
const READS_AT_ONCE = 5;

/**
 * Who is on the worklist comes from the read models (the roster, plus the members in transit who are
 * on no roster); what each of them owes is decided by the domain over the member's own stream.
 */
@Injectable()
export class WorklistService {
  constructor(
    private readonly projections: ProjectionsService,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async worklist(q: WorklistQuery): Promise<WorklistAnswer> {
    const pointInTime = await this.projections.ready();
    // One instant for every read below, so a command landing meanwhile cannot make the pages disagree.
    const query = { ...q, knownAt: q.knownAt ?? (await this.projectedUpTo()) };
    const ids: string[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await pointInTime.roster({ ...query, offset, limit: PAGE });
      ids.push(...page.items.map((m) => m.memberId));
      if (page.items.length < PAGE) break;
    }
    ids.push(...(await membersInTransit(this.pool, query)));
    const states: Member[] = [];
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += READS_AT_ONCE)
      states.push(
        ...(await Promise.all(unique.slice(i, i + READS_AT_ONCE).map((id) => this.memberAsOf(id, query)))),
      );
    return {
      organizationId: q.organizationId,
      asOf: q.asOf,
      ...worklistOf(states, q.asOf, { badgeHorizonMonths: q.badgeHorizonMonths }),
    };
  }

  /** SEMANTICS.md rules 1 and 3: the corrected known events, those effective by asOf, folded. */
  private async memberAsOf(id: string, q: { asOf: string; knownAt?: string }): Promise<Member> {
    const events = knownEvents(await this.store.readStream(memberStream(id)), q.knownAt);
    return events
      .filter((e) => e.effectiveDate <= q.asOf)
      .map(toDomainEvent)
      .reduce((state, e) => evolveMember(state, e as MemberEvent), initialMemberState);
  }

  /** When the last event the read models hold was recorded (undefined: the log is empty). */
  private async projectedUpTo(): Promise<string | undefined> {
    const position = this.projections.live.position;
    if (position === 0) return undefined;
    const [last] = await this.store.readAll(position - 1, 1);
    return last?.recordedAt;
  }
}

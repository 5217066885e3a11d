import { Inject, Injectable } from '@nestjs/common';
import {
  CellFacts,
  EntityNotFound,
  ExistingOrganization,
  isOrganizationActiveOn,
  evolveMember,
  evolveOrganization,
  initialMemberState,
  initialOrganizationState,
  Member,
  memberStream,
  Organization,
  organizationStateNeutralTypes,
  organizationStream,
} from '@ledger/domain';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { Attempt, CommandExecutor, Loaded } from './command-executor';

/**
 * Facts a decision needs from other streams, read from the log itself (folded streams, found
 * through the jsonb index). Every fact comes back with its stream version so the command can
 * append only if none has moved since it decided.
 */
@Injectable()
export class Directory {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** `attempt`: only for the command's own stream (CommandExecutor.load, Attempt). */
  organization(id: string, attempt?: Attempt): Promise<Loaded<Organization>> {
    return this.executor.load(
      organizationStream(id),
      evolveOrganization,
      initialOrganizationState,
      organizationStateNeutralTypes,
      attempt,
    );
  }

  /**
   * Folds the organizations whose state changed most recently (at most `limit`), `chunk` to a
   * read, and keeps the folds as `organization` would (CommandExecutor.keepFolds): run at start
   * (WarmStart), so that the first command on an organization does not read it. Stops
   * between reads once `stopped` says so; `onKept` hears the count after each read. Returns how
   * many folds were kept.
   */
  async foldOrganizations(
    limit: number,
    options: { chunk?: number; stopped?: () => boolean; onKept?: (kept: number) => void } = {},
  ): Promise<number> {
    const chunk = options.chunk ?? 200;
    // Least recently changed first: the executor lets its oldest kept folds go first.
    const ids = (
      await this.store.recentStreams(organizationStream(''), limit, organizationStateNeutralTypes)
    ).reverse();
    let kept = 0;
    for (let i = 0; i < ids.length && !options.stopped?.(); i += chunk) {
      const read = await this.store.readStreamsSkipping(
        ids.slice(i, i + chunk),
        organizationStateNeutralTypes,
      );
      kept += this.executor.keepFolds(read, evolveOrganization, initialOrganizationState);
      options.onKept?.(kept);
    }
    return kept;
  }

  member(id: string, attempt?: Attempt): Promise<Loaded<Member>> {
    return this.executor.load(memberStream(id), evolveMember, initialMemberState, [], attempt);
  }

  /** The organization, or 404 naming the field that pointed at it. */
  async existingOrganization(id: string, attempt?: Attempt): Promise<Loaded<Organization>> {
    const loaded = await this.organization(id, attempt);
    if (loaded.state.status === 'none') throw new EntityNotFound('organization', id);
    return loaded;
  }

  async existingMember(id: string, attempt?: Attempt): Promise<Loaded<Member>> {
    const loaded = await this.member(id, attempt);
    if (loaded.state.status === 'none') throw new EntityNotFound('member', id);
    return loaded;
  }

  /** The organization's ancestors, nearest first (the chain of parentId as it stands now). */
  async ancestors(id: string): Promise<Loaded<Organization>[]> {
    const chain: Loaded<Organization>[] = [];
    const seen = new Set<string>([id]);
    let current = await this.organization(id);
    while (current.state.status !== 'none' && current.state.parentId && !seen.has(current.state.parentId)) {
      seen.add(current.state.parentId);
      current = await this.organization(current.state.parentId);
      chain.push(current);
    }
    return chain;
  }

  /** Organizations whose parent is `id` now and that are still active. */
  async children(id: string): Promise<Loaded<Organization>[]> {
    const streams = await this.store.findStreams('organization-', [{ parentId: id }, { toParentId: id }]);
    const loaded = await Promise.all(streams.map((s) => this.organization(s.slice('organization-'.length))));
    return loaded.filter((o) => o.state.status === 'active' && o.state.parentId === id);
  }

  /** Active members (probationary or official) registered in the cell, or on their way to it. */
  async membersOf(cellId: string): Promise<Loaded<Member>[]> {
    const streams = await this.store.findStreams('member-', [{ cellId }, { toCellId: cellId }]);
    const loaded = await Promise.all(
      streams.map((s) => this.executor.load(s, evolveMember, initialMemberState)),
    );
    return loaded.filter(
      (m) =>
        (m.state.status === 'probationary' || m.state.status === 'official') &&
        (m.state.cellId === cellId || m.state.transfer?.toCellId === cellId),
    );
  }

  /** The organization and every organization below it, as the tree stands now. */
  async subtree(id: string): Promise<Loaded<Organization>[]> {
    const root = await this.organization(id);
    const all = [root];
    for (let i = 0; i < all.length; i++) {
      const o = all[i].state;
      if (o.status !== 'none') all.push(...(await this.children(o.id)));
    }
    return all;
  }

  /** Official members registered in the organization's cells (itself and below). */
  async officialMembersUnder(id: string): Promise<Loaded<Member>[]> {
    const cells = (await this.subtree(id)).filter(
      (o) => o.state.status === 'active' && (o.state.kind === 'cell' || o.state.kind === 'base_cell'),
    );
    const members = (
      await Promise.all(cells.map((c) => this.membersOf((c.state as ExistingOrganization).id)))
    ).flat();
    return members.filter((m) => m.state.status === 'official');
  }

  /** What member decisions need to know about a cell on a date (CellFacts), with the cell's stream. */
  async cell(cellId: string, on: string): Promise<{ facts: CellFacts; loaded: Loaded<Organization> }> {
    const loaded = await this.existingOrganization(cellId);
    const state = loaded.state as ExistingOrganization;
    const baseOrganizationId = (await this.baseOrganizationOf(cellId)) ?? cellId;
    return {
      facts: { id: cellId, kind: state.kind, active: isOrganizationActiveOn(state, on), baseOrganizationId },
      loaded,
    };
  }

  /**
   * Everyone registered in the cell who moves with it when it is merged: candidates and active
   * members whose cell it is. Members only on their way to it (official transfer) are not: their
   * transfer names it as its destination and they have not arrived.
   */
  async registeredIn(cellId: string): Promise<Loaded<Member>[]> {
    const streams = await this.store.findStreams('member-', [{ cellId }, { toCellId: cellId }]);
    const loaded = await Promise.all(
      streams.map((s) => this.executor.load(s, evolveMember, initialMemberState)),
    );
    return loaded.filter(
      (m) =>
        (m.state.status === 'candidate' ||
          m.state.status === 'probationary' ||
          m.state.status === 'official') &&
        m.state.cellId === cellId,
    );
  }

  /** The base organization (base_committee or base_cell) a cell belongs to, if any. */
  async baseOrganizationOf(organizationId: string): Promise<string | undefined> {
    const self = await this.organization(organizationId);
    for (const o of [self, ...(await this.ancestors(organizationId))]) {
      if (o.state.status !== 'none' && (o.state.kind === 'base_committee' || o.state.kind === 'base_cell'))
        return o.state.id;
    }
    return undefined;
  }
}

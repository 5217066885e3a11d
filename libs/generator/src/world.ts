import {
  CellFacts,
  DisciplineCase,
  DisciplineCaseEvent,
  DomainEvent,
  EntityNotFound,
  Member,
  MemberEvent,
  Organization,
  OrganizationEvent,
  OrganizationKind,
  RuleViolation,
  applyCorrections,
  countedInCell,
  disciplineCaseStream,
  evolveDisciplineCase,
  evolveMember,
  evolveOrganization,
  initialDisciplineCaseState,
  initialMemberState,
  initialOrganizationState,
  isCorrectionEvent,
  isOrganizationActiveOn,
  memberStream,
  organizationStream,
} from '@ledger/domain';
import { IndexedSet } from './indexed-set';
import { Random } from './random';
import { LedgerWriter, StreamRecord, metadataOf } from './writer';

/** An event of a stream as kept for corrections (correctRecord needs the stream's events with their ids). */
export interface Recorded {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  effectiveDate: string;
}

export interface MemberRecord extends StreamRecord<Member> {
  readonly id: string;
  /**
   * The latest effective date among its events other than ratings: later decisions about the member are
   * not dated before it.
   */
  floor: string;
  /** A discipline case open against the member (no transfer, exit or death is planned meanwhile). */
  pendingCase?: string;
  /** Every event of the stream, kept for the few members whose records get corrected. */
  tracked?: Recorded[];
}

export interface OrganizationRecord extends StreamRecord<Organization> {
  readonly id: string;
  readonly kind: OrganizationKind;
}

export interface CaseRecord extends StreamRecord<DisciplineCase> {
  readonly id: string;
}

export type AnyRecord = MemberRecord | OrganizationRecord | CaseRecord;

/** One stream's share of a decision. */
export interface Part {
  record: AnyRecord;
  events: DomainEvent[];
}

const registeredCell = (state: Member): string | undefined =>
  state.status === 'candidate' || state.status === 'probationary' || state.status === 'official'
    ? state.cellId
    : undefined;

export const foldMember = (events: readonly Recorded[]): Member =>
  events.reduce((s, e) => evolveMember(s, e as unknown as MemberEvent), initialMemberState);

/**
 * The simulated ledger in memory: every stream's state and version (so nothing is read back from the
 * store), the indexes the simulation picks from (active sub-organizations, persons registered per cell),
 * and the one way anything is recorded: `decide`, which runs a domain decision and hands its events to
 * the writer, or counts its refusal.
 */
export class World {
  today: string;
  readonly organizations = new Map<string, OrganizationRecord>();
  readonly members = new Map<string, MemberRecord>();
  readonly cases = new Map<string, CaseRecord>();
  /** Active child organizations of each organization, as the tree stands now. */
  readonly children = new Map<string, Set<string>>();
  /** Candidates and members registered in each cell (cellId of their state). */
  readonly registered = new Map<string, IndexedSet<MemberRecord>>();
  readonly stats: Record<string, number> = {};
  lastRefusal?: RuleViolation | EntityNotFound;
  private refs = 0;

  constructor(
    readonly random: Random,
    readonly ids: Random,
    readonly writer: LedgerWriter,
    readonly source: string,
    start: string,
  ) {
    this.today = start;
  }

  // ------------------------------------------------------------------ records

  newMember(): MemberRecord {
    const id = this.ids.uuid();
    const record: MemberRecord = {
      id,
      streamId: memberStream(id),
      state: initialMemberState,
      version: -1,
      floor: '0000-01-01',
    };
    this.members.set(id, record);
    return record;
  }

  newOrganization(kind: OrganizationKind): OrganizationRecord {
    const id = this.ids.uuid();
    const record = {
      id,
      kind,
      streamId: organizationStream(id),
      state: initialOrganizationState,
      version: -1,
    };
    this.organizations.set(id, record);
    return record;
  }

  newCase(): CaseRecord {
    const id = this.ids.uuid();
    const record = { id, streamId: disciplineCaseStream(id), state: initialDisciplineCaseState, version: -1 };
    this.cases.set(id, record);
    return record;
  }

  organization(id: string): OrganizationRecord {
    const record = this.organizations.get(id);
    if (!record) throw new Error(`No organization ${id} in the simulation`);
    return record;
  }

  /** A decision number as the committees write them: "123-QĐ/HU". */
  ref(suffix: string): string {
    this.refs += 1;
    return `${this.refs}-${suffix}`;
  }

  // ------------------------------------------------------------------ the tree

  isActive(id: string, on = this.today): boolean {
    return isOrganizationActiveOn(this.organization(id).state, on);
  }

  childrenOf(id: string): string[] {
    return [...(this.children.get(id) ?? [])];
  }

  parentOf(id: string): string | null {
    const state = this.organization(id).state;
    return state.status === 'none' ? null : state.parentId;
  }

  /** Ancestors as the tree stands now, nearest first. */
  ancestorsOf(id: string): string[] {
    const chain: string[] = [];
    for (let parent = this.parentOf(id); parent !== null; parent = this.parentOf(parent)) chain.push(parent);
    return chain;
  }

  /** The base organization (base cell or base committee) a cell belongs to. */
  baseOf(cellId: string): string {
    for (const id of [cellId, ...this.ancestorsOf(cellId)]) {
      const kind = this.organization(id).kind;
      if (kind === 'base_cell' || kind === 'base_committee') return id;
    }
    return cellId;
  }

  /** The cells (cell, base cell) a base organization holds now. */
  cellsOf(baseId: string): string[] {
    const kind = this.organization(baseId).kind;
    if (kind === 'base_cell' || kind === 'cell') return [baseId];
    return this.childrenOf(baseId).flatMap((child) => this.cellsOf(child));
  }

  cellFacts(cellId: string, on: string): CellFacts {
    const record = this.organization(cellId);
    return {
      id: cellId,
      kind: record.kind,
      active: isOrganizationActiveOn(record.state, on),
      baseOrganizationId: this.baseOf(cellId),
    };
  }

  /** The organization an id stands for now: itself while active, else what it merged into (and so on). */
  successor(id: string): string | undefined {
    let state = this.organization(id).state;
    for (let hops = 0; hops < 10; hops++) {
      if (state.status === 'active') return state.id;
      if (state.status !== 'merged') return undefined;
      state = this.organization(state.mergedInto).state;
    }
    return undefined;
  }

  // ------------------------------------------------------------------ people

  registeredIn(cellId: string): IndexedSet<MemberRecord> {
    let set = this.registered.get(cellId);
    if (!set) {
      set = new IndexedSet<MemberRecord>();
      this.registered.set(cellId, set);
    }
    return set;
  }

  member(id: string): MemberRecord {
    return this.members.get(id)!;
  }

  /** Probationary and official members counted in the cell (TRF-6/TRF-7: countedInCell). */
  countedIn(cellId: string): MemberRecord[] {
    return this.registeredIn(cellId)
      .values()
      .filter((record) => countedInCell(record.state) === cellId);
  }

  officialsIn(cellId: string): number {
    return this.countedIn(cellId).filter((m) => m.state.status === 'official').length;
  }

  // ------------------------------------------------------------------ deciding and recording

  /**
   * Runs a decision. Its events are recorded (one part per stream; the events of every part after the
   * first are caused by the first event, as the API records them); a refusal (RuleViolation,
   * EntityNotFound) records nothing and is counted as `refused:<name>:<rule>`.
   */
  decide(name: string, decision: () => Part[], decisionRef?: string): boolean {
    let parts: Part[];
    try {
      parts = decision();
    } catch (error) {
      if (!(error instanceof RuleViolation || error instanceof EntityNotFound)) throw error;
      this.lastRefusal = error;
      const key = `refused:${name}:${error instanceof RuleViolation ? error.ruleId : 'not-found'}`;
      this.stats[key] = (this.stats[key] ?? 0) + 1;
      return false;
    }
    if (parts.every((p) => p.events.length === 0)) return false;
    let cause: string | undefined;
    for (const [i, part] of parts.entries()) {
      if (part.events.length === 0) continue;
      const events = part.events.map((e) => {
        const eventId = this.ids.uuid();
        cause ??= eventId;
        return {
          eventId,
          type: e.type,
          data: e.data as Record<string, unknown>,
          effectiveDate: e.effectiveDate,
          metadata: metadataOf(this.source, decisionRef, i === 0 ? undefined : cause),
        };
      });
      this.apply(part.record, events);
      this.writer.add(part.record, events);
    }
    this.stats[name] = (this.stats[name] ?? 0) + 1;
    return true;
  }

  private apply(record: AnyRecord, events: Recorded[]): void {
    if ('floor' in record) return this.applyToMember(record, events);
    if ('kind' in record) return this.applyToOrganization(record, events);
    record.state = events.reduce(
      (s, e) => evolveDisciplineCase(s, e as unknown as DisciplineCaseEvent),
      record.state,
    );
  }

  private applyToMember(record: MemberRecord, events: Recorded[]): void {
    const before = registeredCell(record.state);
    if (record.tracked) {
      record.tracked.push(...events);
      record.state = events.some(isCorrectionEvent)
        ? foldMember(applyCorrections(record.tracked))
        : events.reduce((s, e) => evolveMember(s, e as unknown as MemberEvent), record.state);
    } else {
      record.state = events.reduce((s, e) => evolveMember(s, e as unknown as MemberEvent), record.state);
    }
    // Ratings change neither cell nor status: a decision recorded late may still take effect before one.
    for (const e of events)
      if (e.type !== 'MemberAssessed' && !isCorrectionEvent(e) && e.effectiveDate > record.floor)
        record.floor = e.effectiveDate;
    const after = registeredCell(record.state);
    if (before === after) return;
    if (before) this.registeredIn(before).delete(record);
    if (after) this.registeredIn(after).add(record);
  }

  private applyToOrganization(record: OrganizationRecord, events: Recorded[]): void {
    const before = record.state;
    record.state = events.reduce(
      (s, e) => evolveOrganization(s, e as unknown as OrganizationEvent),
      record.state,
    );
    const after = record.state;
    const placeOf = (s: Organization) =>
      s.status === 'active' && s.parentId !== null ? s.parentId : undefined;
    const [from, to] = [placeOf(before), placeOf(after)];
    if (from === to) return;
    if (from) this.children.get(from)?.delete(record.id);
    if (to) {
      if (!this.children.has(to)) this.children.set(to, new Set());
      this.children.get(to)!.add(record.id);
    }
  }
}

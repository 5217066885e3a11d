/**
 * Random valid histories for the property tests of the read models (issue 4). Test code only: the
 * `testing` folders are left out of the production build.
 *
 * A history is a simulated province walked day by day from `from` to `to`. Every step asks the
 * domain's own decisions (establishOrganization, admitMember, correctRecord …) with the context a
 * command handler would look up — here in the history's in-memory streams — and keeps what they
 * decide; a refusal (RuleViolation, EntityNotFound) only means the step did nothing. Effective dates
 * lag behind the simulated today by 0–120 days (recorded late). The random source is a fast-check
 * GeneratorValue obtained from a seed, and every id (organization, member, transfer, case, event) is a
 * uuid derived from the seed, so one seed always gives the same history and histories of different
 * seeds share nothing: several can go into one database.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  ratingFor,
  CellFacts,
  DomainEvent,
  EXEMPTION_REASONS,
  EntityNotFound,
  IntroducerFacts,
  Member,
  MemberEvent,
  MemberRating,
  NAME_REMOVAL_REASONS,
  Organization,
  OrganizationEvent,
  OrganizationKind,
  OrganizationRating,
  PARENT_KINDS,
  RuleViolation,
  StreamEvent,
  addDays,
  addMonths,
  admitMember,
  amendDiscipline,
  applyCorrections,
  applyDiscipline,
  assessMember,
  assessOrganization,
  completeTransfer,
  correctRecord,
  countedInCell,
  dissolveOrganization,
  endExemption,
  establishOrganization,
  evolveMember,
  evolveOrganization,
  exemptMember,
  exitVoluntarily,
  initialMemberState,
  initialOrganizationState,
  isOrganizationActiveOn,
  makeMembershipOfficial,
  memberStream,
  mergeOrganization,
  moveOrganization,
  nominateCandidate,
  organizationStream,
  reassignMemberByMerger,
  recordDeath,
  readmitMember,
  recordMeeting,
  registerExistingMember,
  removeName,
  returnFromTemporaryTransfer,
  startTransfer,
  updateProfile,
  yearOf,
} from '@ledger/domain';
import type { NewEvent, StreamAppend } from '@ledger/event-store';

export interface HistoryOptions {
  /** First simulated day (default 2015-01-01). */
  from?: string;
  /** Last simulated day (default 2026-06-30). */
  to?: string;
  /** Districts of the province at the start (default 2–3). */
  districts?: [number, number];
  /** Communes per district at the start (default 2–3). */
  communesPerDistrict?: [number, number];
  /** Cells per commune at the start (default 2–3). */
  cellsPerCommune?: [number, number];
  /** Members registered from paper records per cell at the start (default 4–6). */
  membersPerCell?: [number, number];
  /** Days the calendar moves on per step (default 3–14). */
  stepDays?: [number, number];
}

/** One decision's appends: what one `appendMany` takes (a merger: every stream it touches). */
export interface Decision {
  name: string;
  appends: StreamAppend[];
}

export interface GeneratedHistory {
  seed: number;
  decisions: Decision[];
  /** Every organization the history established, in order, with its kind. */
  organizations: { id: string; kind: OrganizationKind }[];
  memberIds: string[];
  /** The distinct effective dates its events carry, sorted. */
  effectiveDates: string[];
  eventCount: number;
  /** Decisions taken, by name; refusals by `refused:<name>:<rule>`. */
  stats: Record<string, number>;
}

/** A stream's event as the history holds it: what corrections and folds need. */
interface Recorded {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  effectiveDate: string;
}

type Active = Extract<Member, { status: 'probationary' | 'official' }>;
type Existing = Exclude<Organization, { status: 'none' }>;

const REFORM_DATE = '2025-07-01';
const MAX_LAG_DAYS = 120;
/** Cells record their meetings from this date on (earlier ones would only make histories longer). */
const MEETINGS_FROM = '2025-01-01';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Ngô',
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hùng', 'Lan', 'Linh', 'Mai', 'Nam'];
const GIVEN_MORE = ['Phương', 'Quang', 'Sơn', 'Thảo', 'Trung', 'Tuấn', 'Yến', 'Ánh', 'Đạt', 'Ước', 'Ân'];
const RATINGS: readonly MemberRating[] = ['excellent', 'good', 'good', 'good', 'completed', 'not_completed'];

/** Uniform integers: fast-check's own integer arbitrary is biased towards its bounds and small values. */
const uniform = (min: number, max: number) => fc.noBias(fc.integer({ min, max }));

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const later = (a: string, b: string): string => (a >= b ? a : b);

/** The history of `seed`: the same seed, the same history (ids included). */
export function generateHistory(seed: number, options: HistoryOptions = {}): GeneratedHistory {
  const [random] = fc.sample(fc.gen(), { seed, numRuns: 1 });
  return new Simulation(seed, random, options).run();
}

/**
 * Appends the decisions in order, one `appendMany` each, sleeping 1–2 ms every few appends so that
 * recordedAt instants (milliseconds) are mostly but not always distinct. `decisions` may interleave
 * several histories (see `interleave`).
 */
export async function appendDecisions(
  store: { appendMany(appends: StreamAppend[]): Promise<unknown> },
  decisions: readonly Decision[],
  sleepEvery = 4,
): Promise<void> {
  for (const [i, decision] of decisions.entries()) {
    await store.appendMany(decision.appends);
    if (i % sleepEvery === sleepEvery - 1)
      await new Promise((r) => setTimeout(r, 1 + (Math.floor(i / sleepEvery) % 2)));
  }
}

/** The decisions of several histories merged in a random order that keeps each history's own order. */
export function interleave(histories: readonly GeneratedHistory[], seed: number): Decision[] {
  const [random] = fc.sample(fc.gen(), { seed, numRuns: 1 });
  const next = histories.map(() => 0);
  const merged: Decision[] = [];
  for (;;) {
    const open = histories.map((h, i) => i).filter((i) => next[i] < histories[i].decisions.length);
    if (open.length === 0) return merged;
    const i = open[random(uniform, 0, open.length - 1)];
    merged.push(histories[i].decisions[next[i]++]);
  }
}

class Simulation {
  private today: string;
  private readonly streams = new Map<string, Recorded[]>();
  private readonly states = new Map<string, unknown>();
  private readonly organizations: { id: string; kind: OrganizationKind }[] = [];
  private readonly members: string[] = [];
  private readonly decisions: Decision[] = [];
  private readonly stats: Record<string, number> = {};
  private idCounter = 0;
  private refCounter = 0;
  private eventCount = 0;
  private provinceId = '';

  constructor(
    private readonly seed: number,
    private readonly random: fc.GeneratorValue,
    private readonly options: HistoryOptions,
  ) {
    this.today = options.from ?? '2015-01-01';
  }

  run(): GeneratedHistory {
    this.buildTree();
    const end = this.options.to ?? '2026-06-30';
    const [minStep, maxStep] = this.options.stepDays ?? [3, 14];
    while (this.today < end) {
      const before = this.today;
      this.today = addDays(this.today, this.int(minStep, maxStep));
      if (this.today > end) this.today = end;
      if (this.today >= REFORM_DATE && daysBetween(REFORM_DATE, this.today) <= MAX_LAG_DAYS)
        this.reformStep();
      if (this.inAssessmentSeason()) this.assessmentStep();
      if (this.today >= MEETINGS_FROM) this.meetingsStep(daysBetween(before, this.today));
      for (let n = this.int(0, 3); n > 0; n--) this.act();
    }
    const dates = new Set<string>();
    for (const events of this.streams.values()) for (const e of events) dates.add(e.effectiveDate);
    return {
      seed: this.seed,
      decisions: this.decisions,
      organizations: [...this.organizations],
      memberIds: [...this.members],
      effectiveDates: [...dates].sort(),
      eventCount: this.eventCount,
      stats: this.stats,
    };
  }

  // ---------------------------------------------------------------- random source

  private int(min: number, max: number): number {
    return this.random(uniform, min, max);
  }

  private chance(p: number): boolean {
    return this.int(0, 9_999) < p * 10_000;
  }

  private pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[this.int(0, items.length - 1)];
  }

  /** A uuid (v4 layout) derived from the seed and a counter. */
  private uuid(): string {
    const hex = createHash('sha256').update(`history:${this.seed}:${this.idCounter++}`).digest('hex');
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  private ref(suffix: string): string {
    return `${++this.refCounter}-${suffix}`;
  }

  private name(): string {
    const given = this.chance(0.5) ? GIVEN : GIVEN_MORE;
    return `${this.pick(FAMILY)} ${this.pick(MIDDLE)} ${this.pick(given)}`.normalize('NFC');
  }

  /** How late a decision is recorded: mostly within days, sometimes months (at most MAX_LAG_DAYS). */
  private lag(): number {
    const roll = this.int(0, 99);
    if (roll < 45) return this.int(0, 3);
    if (roll < 80) return this.int(4, 30);
    return this.int(31, MAX_LAG_DAYS);
  }

  /** An effective date recorded today: today less a lag, not before `floor`; undefined when floor is after today. */
  private effective(floor?: string): string | undefined {
    if (floor !== undefined && floor > this.today) return undefined;
    const date = addDays(this.today, -this.lag());
    return floor !== undefined && date < floor ? floor : date;
  }

  private dateBetween(from: string, to: string): string {
    return addDays(from, this.int(0, Math.max(0, daysBetween(from, to))));
  }

  // ---------------------------------------------------------------- streams and facts

  private events(streamId: string): Recorded[] {
    return this.streams.get(streamId) ?? [];
  }

  private org(id: string): Organization {
    const streamId = organizationStream(id);
    if (!this.states.has(streamId))
      this.states.set(streamId, foldOrganization(applyCorrections(this.events(streamId))));
    return this.states.get(streamId) as Organization;
  }

  private member(id: string): Member {
    const streamId = memberStream(id);
    if (!this.states.has(streamId))
      this.states.set(streamId, foldMember(applyCorrections(this.events(streamId))));
    return this.states.get(streamId) as Member;
  }

  private existing(id: string): Existing | undefined {
    const state = this.org(id);
    return state.status === 'none' ? undefined : state;
  }

  private activeOrganizations(...kinds: OrganizationKind[]): Existing[] {
    return this.organizations
      .filter((o) => kinds.includes(o.kind))
      .map((o) => this.existing(o.id)!)
      .filter((o) => o.status === 'active');
  }

  /** Organizations whose parent is `id` now and that are still active (Directory.children). */
  private children(id: string): string[] {
    return this.organizations
      .map((o) => this.existing(o.id)!)
      .filter((o) => o.status === 'active' && o.parentId === id)
      .map((o) => o.id);
  }

  /** The chain of parents as it stands now, nearest first (Directory.ancestors). */
  private ancestors(id: string): string[] {
    const chain: string[] = [];
    let current = this.existing(id);
    while (current?.parentId && !chain.includes(current.parentId) && current.parentId !== id) {
      chain.push(current.parentId);
      current = this.existing(current.parentId);
    }
    return chain;
  }

  private baseOrganizationOf(id: string): string | undefined {
    return [id, ...this.ancestors(id)].find((o) => {
      const kind = this.existing(o)?.kind;
      return kind === 'base_committee' || kind === 'base_cell';
    });
  }

  private cellFacts(id: string, on: string): CellFacts {
    const state = this.existing(id);
    if (!state) throw new EntityNotFound('organization', id);
    return {
      id,
      kind: state.kind,
      active: isOrganizationActiveOn(state, on),
      baseOrganizationId: this.baseOrganizationOf(id) ?? id,
    };
  }

  private activeMembers(): { id: string; state: Active }[] {
    const found: { id: string; state: Active }[] = [];
    for (const id of this.members) {
      const state = this.member(id);
      if (state.status === 'probationary' || state.status === 'official') found.push({ id, state });
    }
    return found;
  }

  /** Active members registered in the cell or on their way to it (Directory.membersOf). */
  private membersOf(cellId: string): { id: string; state: Active }[] {
    return this.activeMembers().filter(
      (m) => m.state.cellId === cellId || m.state.transfer?.toCellId === cellId,
    );
  }

  /**
   * Who moves with a merged cell (Directory.registeredIn): candidates and active members registered in
   * it, not members only on their way to it.
   */
  private registeredIn(cellId: string): { id: string; state: Member }[] {
    return this.members
      .map((id) => ({ id, state: this.member(id) }))
      .filter(
        ({ state }) =>
          (state.status === 'candidate' || state.status === 'probationary' || state.status === 'official') &&
          state.cellId === cellId,
      );
  }

  private introducersFor(cellId: string, memberId: string): IntroducerFacts[] {
    const base = this.baseOrganizationOf(cellId);
    const officials = this.activeMembers().filter(
      (m) =>
        m.id !== memberId &&
        m.state.status === 'official' &&
        this.baseOrganizationOf(m.state.cellId) === base,
    );
    const chosen: IntroducerFacts[] = [];
    for (let i = 0; i < 2 && officials.length > 0; i++) {
      const [m] = officials.splice(this.int(0, officials.length - 1), 1);
      chosen.push({ memberId: m.id, status: m.state.status, baseOrganizationId: base });
    }
    return chosen;
  }

  /** The date of a stream's first record: later records are never dated before it here. */
  private firstDate(streamId: string): string | undefined {
    return applyCorrections(this.events(streamId))[0]?.effectiveDate;
  }

  // ---------------------------------------------------------------- deciding and recording

  /** Runs a decision; its events (per stream) become one append. A refusal records nothing. */
  private decide(name: string, decision: () => StreamEvent[]): boolean {
    let decided: StreamEvent[];
    try {
      decided = decision();
    } catch (error) {
      if (error instanceof RuleViolation || error instanceof EntityNotFound) {
        const rule = error instanceof RuleViolation ? error.ruleId : 'not-found';
        const key = `refused:${name}:${rule}`;
        this.stats[key] = (this.stats[key] ?? 0) + 1;
        return false;
      }
      throw error;
    }
    const byStream = new Map<string, DomainEvent[]>();
    for (const { streamId, event } of decided)
      byStream.set(streamId, [...(byStream.get(streamId) ?? []), event]);
    const appends: StreamAppend[] = [];
    for (const [streamId, events] of byStream) {
      if (events.length === 0) continue;
      const stored = this.events(streamId);
      const version = stored.length - 1;
      const newEvents: NewEvent[] = events.map((e) => ({
        eventId: this.uuid(),
        type: e.type,
        data: { ...(e.data as Record<string, unknown>) },
        effectiveDate: e.effectiveDate,
      }));
      appends.push({ streamId, expectedVersion: version < 0 ? 'no_stream' : version, events: newEvents });
      this.streams.set(streamId, [
        ...stored,
        ...newEvents.map((e) => ({
          eventId: e.eventId!,
          type: e.type,
          data: e.data,
          effectiveDate: e.effectiveDate,
        })),
      ]);
      this.states.delete(streamId);
      this.eventCount += newEvents.length;
    }
    if (appends.length === 0) return false;
    this.decisions.push({ name, appends });
    this.stats[name] = (this.stats[name] ?? 0) + 1;
    return true;
  }

  private onOrganization(id: string, events: DomainEvent[]): StreamEvent[] {
    return events.map((event) => ({ streamId: organizationStream(id), event }));
  }

  private onMember(id: string, events: DomainEvent[]): StreamEvent[] {
    return events.map((event) => ({ streamId: memberStream(id), event }));
  }

  // ---------------------------------------------------------------- the tree

  private establish(kind: OrganizationKind, parentId: string | null, floor?: string): string | undefined {
    const id = this.uuid();
    const parent = parentId === null ? null : this.org(parentId);
    const parentFrom = parent && parent.status !== 'none' ? parent.establishedOn : undefined;
    const effectiveDate = this.effective(later(floor ?? '0000-01-01', parentFrom ?? '0000-01-01'));
    if (!effectiveDate) return undefined;
    const label = {
      provincial_committee: 'Tỉnh ủy',
      district_committee: 'Huyện ủy',
      base_committee: 'Đảng ủy xã',
      base_cell: 'Chi bộ cơ sở',
      sub_committee: 'Đảng bộ bộ phận',
      cell: 'Chi bộ',
    }[kind];
    const done = this.decide('establishOrganization', () =>
      this.onOrganization(
        id,
        establishOrganization(
          {
            organizationId: id,
            name: `${label} ${this.organizations.length + 1}`,
            kind,
            parentId,
            effectiveDate,
            decisionRef: this.ref('QĐ/TU'),
          },
          this.org(id),
          { parent },
        ),
      ),
    );
    if (!done) return undefined;
    this.organizations.push({ id, kind });
    return id;
  }

  /** Province › districts › communes › cells, as the ledger's first records, and the members on file. */
  private buildTree(): void {
    const range = (r: [number, number] | undefined, d: [number, number]) => this.int(...(r ?? d));
    const province = this.establish('provincial_committee', null);
    if (!province) throw new Error('The province could not be established');
    this.provinceId = province;
    for (let d = range(this.options.districts, [2, 3]); d > 0; d--) {
      const district = this.establish('district_committee', province);
      if (!district) continue;
      for (let c = range(this.options.communesPerDistrict, [2, 3]); c > 0; c--) {
        const commune = this.establish('base_committee', district);
        if (!commune) continue;
        for (let k = range(this.options.cellsPerCommune, [2, 3]); k > 0; k--) {
          const cell = this.establish('cell', commune);
          if (!cell) continue;
          for (let m = range(this.options.membersPerCell, [4, 6]); m > 0; m--) this.registerFromRecords(cell);
        }
      }
    }
  }

  // ---------------------------------------------------------------- the simulation's steps

  private act(): void {
    const actions: [number, () => void][] = [
      [8, () => this.nominate()],
      [8, () => this.admit()],
      [6, () => this.makeOfficial()],
      [1, () => this.registerFromRecords()],
      [4, () => this.startTransfer()],
      [6, () => this.completeTransfer()],
      [2, () => this.returnFromTemporaryTransfer()],
      [2, () => this.exempt()],
      [2, () => this.endExemption()],
      [1, () => this.removeName()],
      [1, () => this.recordDeath()],
      [0.5, () => this.exit()],
      [1, () => this.discipline()],
      [0.5, () => this.amendDiscipline()],
      [0.7, () => this.updatePost()],
      [1, () => this.readmit()],
      [3, () => this.correct()],
      [1, () => this.correctOrganization()],
      [0.6, () => this.moveCell()],
      [0.5, () => this.mergeCell()],
      [0.6, () => this.establishCell()],
      [0.4, () => this.dissolveCell()],
      [0.15, () => this.establishCommune()],
      [0.15, () => this.establishSubCommittee()],
      [0.15, () => this.moveCommune()],
    ];
    const total = actions.reduce((s, [w]) => s + w, 0);
    let roll = this.int(0, 9_999) * (total / 10_000);
    for (const [weight, action] of actions) {
      if (roll < weight) return action();
      roll -= weight;
    }
  }

  private randomCell(on?: string): string | undefined {
    const cells = this.activeOrganizations('cell', 'base_cell').filter(
      (c) => on === undefined || c.establishedOn <= on,
    );
    return this.pick(cells)?.id;
  }

  private registerFromRecords(cellId = this.randomCell()): void {
    if (!cellId) return;
    const cell = this.existing(cellId)!;
    const effectiveDate = this.effective(cell.establishedOn);
    if (!effectiveDate) return;
    // Mostly official long since; some still in probation, admitted within the last year.
    const probationary = this.chance(0.15);
    const admittedOn = addDays(effectiveDate, -(probationary ? this.int(0, 330) : this.int(400, 40 * 365)));
    const birthDate = addDays(admittedOn, -this.int(18 * 365 + 10, 45 * 365));
    const officialOn = probationary ? undefined : this.dateBetween(addMonths(admittedOn, 12), effectiveDate);
    const memberId = this.uuid();
    const done = this.decide('registerExistingMember', () =>
      this.onMember(
        memberId,
        registerExistingMember(
          { memberId, fullName: this.name(), birthDate, cellId, admittedOn, officialOn, effectiveDate },
          this.member(memberId),
          { today: this.today, cell: this.cellFacts(cellId, effectiveDate) },
        ),
      ),
    );
    if (done) this.members.push(memberId);
  }

  private nominate(): void {
    const cellId = this.randomCell();
    if (!cellId) return;
    const effectiveDate = this.effective(this.existing(cellId)!.establishedOn);
    if (!effectiveDate) return;
    const memberId = this.uuid();
    const birthDate = addDays(effectiveDate, -this.int(18 * 365 + 30, 50 * 365));
    const done = this.decide('nominateCandidate', () =>
      this.onMember(
        memberId,
        nominateCandidate(
          { memberId, fullName: this.name(), birthDate, cellId, effectiveDate },
          this.member(memberId),
          { today: this.today, cell: this.cellFacts(cellId, effectiveDate) },
        ),
      ),
    );
    if (done) this.members.push(memberId);
  }

  private admit(): void {
    const candidates = this.members.filter((id) => this.member(id).status === 'candidate');
    const memberId = this.pick(candidates);
    if (!memberId) return;
    const candidate = this.member(memberId) as Extract<Member, { status: 'candidate' }>;
    const ceremonyDate = this.effective(addDays(candidate.nominatedOn, this.int(20, 90)));
    if (!ceremonyDate) return;
    const decisionDate = later(candidate.nominatedOn, addDays(ceremonyDate, -this.int(0, 25)));
    const introducers = this.introducersFor(candidate.cellId, memberId);
    this.decide('admitMember', () =>
      this.onMember(
        memberId,
        admitMember(
          {
            memberId,
            decisionRef: this.ref('QĐ/ĐU'),
            decidedBy: this.baseOrganizationOf(candidate.cellId) ?? candidate.cellId,
            decisionDate,
            ceremonyDate,
            introducerIds: introducers.map((i) => i.memberId),
          },
          candidate,
          { today: this.today, cell: this.cellFacts(candidate.cellId, ceremonyDate), introducers },
        ),
      ),
    );
  }

  private makeOfficial(): void {
    const due = this.activeMembers().filter(
      (m) => m.state.status === 'probationary' && addMonths(m.state.admission.ceremonyDate, 12) <= this.today,
    );
    const chosen = this.pick(due);
    if (!chosen) return;
    const probationEnds = addMonths(chosen.state.admission.ceremonyDate, 12);
    // Usually decided within weeks of the end of probation; sometimes months later (recorded late).
    const decidedOn = addDays(probationEnds, this.chance(0.8) ? this.int(0, 45) : this.int(46, 400));
    if (decidedOn > this.today) return;
    const cellId = chosen.state.cellId;
    const officials = this.membersOf(cellId).filter(
      (m) => m.state.status === 'official' && countedInCell(m.state) === cellId,
    ).length;
    this.decide('makeMembershipOfficial', () =>
      this.onMember(
        chosen.id,
        makeMembershipOfficial(
          { memberId: chosen.id, decisionRef: this.ref('QĐ/ĐU'), decidedOn },
          chosen.state,
          { today: this.today, officialMembersInCell: officials },
        ),
      ),
    );
  }

  private startTransfer(): void {
    const chosen = this.pick(this.activeMembers().filter((m) => !m.state.transfer));
    if (!chosen) return;
    const floor = later(chosen.state.admission.ceremonyDate, this.firstDate(memberStream(chosen.id))!);
    const effectiveDate = this.effective(floor);
    if (!effectiveDate) return;
    const toCellId = this.randomCell(effectiveDate);
    if (!toCellId) return;
    const kind = this.chance(0.7) ? 'official' : 'temporary';
    const expectedReturnOn =
      kind === 'temporary' && this.chance(0.5)
        ? addDays(addMonths(effectiveDate, 3), this.int(0, 250))
        : undefined;
    this.decide('startTransfer', () =>
      this.onMember(
        chosen.id,
        startTransfer(
          { memberId: chosen.id, transferId: this.uuid(), kind, toCellId, effectiveDate, expectedReturnOn },
          chosen.state,
          { today: this.today, toCell: this.cellFacts(toCellId, effectiveDate) },
        ),
      ),
    );
  }

  /** The cell a transfer's target became: itself while active, else the cell it merged into (and so on). */
  private successor(cellId: string, on: string): string | undefined {
    let current = this.existing(cellId);
    for (let hops = 0; current && hops < 20; hops++) {
      if (isOrganizationActiveOn(current, on)) return current.id;
      if (current.status !== 'merged') return undefined;
      current = this.existing(current.mergedInto);
    }
    return undefined;
  }

  private completeTransfer(): void {
    const chosen = this.pick(
      this.activeMembers().filter((m) => m.state.transfer && !m.state.transfer.arrivedOn),
    );
    if (!chosen) return;
    const transfer = chosen.state.transfer!;
    const effectiveDate = this.effective(transfer.startedOn);
    if (!effectiveDate) return;
    const arrivedAt = this.successor(transfer.toCellId, effectiveDate) ?? transfer.toCellId;
    this.decide('completeTransfer', () =>
      this.onMember(
        chosen.id,
        completeTransfer(
          {
            memberId: chosen.id,
            transferId: transfer.transferId,
            effectiveDate,
            ...(arrivedAt !== transfer.toCellId ? { toCellId: arrivedAt } : {}),
            ...(this.chance(0.3) ? { lateReason: 'ốm', latenessInterruptsPartyAge: this.chance(0.5) } : {}),
          },
          chosen.state,
          { today: this.today, toCell: this.cellFacts(arrivedAt, effectiveDate) },
        ),
      ),
    );
  }

  private returnFromTemporaryTransfer(): void {
    const chosen = this.pick(this.activeMembers().filter((m) => m.state.transfer?.kind === 'temporary'));
    if (!chosen) return;
    const transfer = chosen.state.transfer!;
    const effectiveDate = this.effective(transfer.arrivedOn ?? transfer.startedOn);
    if (!effectiveDate) return;
    this.decide('returnFromTemporaryTransfer', () =>
      this.onMember(
        chosen.id,
        returnFromTemporaryTransfer(
          { memberId: chosen.id, transferId: transfer.transferId, effectiveDate },
          chosen.state,
          { today: this.today },
        ),
      ),
    );
  }

  private memberDate(chosen: { id: string; state: Active }): string | undefined {
    return this.effective(
      later(chosen.state.admission.ceremonyDate, this.firstDate(memberStream(chosen.id))!),
    );
  }

  private exempt(): void {
    const chosen = this.pick(this.activeMembers().filter((m) => !m.state.exemption));
    if (!chosen) return;
    const effectiveDate = this.memberDate(chosen);
    if (!effectiveDate) return;
    const reason = this.pick(EXEMPTION_REASONS)!;
    const until =
      reason !== 'old_or_weak' || this.chance(0.3) ? addDays(effectiveDate, this.int(0, 400)) : undefined;
    this.decide('exemptMember', () =>
      this.onMember(
        chosen.id,
        exemptMember({ memberId: chosen.id, reason, until, effectiveDate }, chosen.state, {
          today: this.today,
        }),
      ),
    );
  }

  private endExemption(): void {
    const chosen = this.pick(this.activeMembers().filter((m) => m.state.exemption));
    if (!chosen) return;
    const effectiveDate = this.effective(chosen.state.exemption!.since);
    if (!effectiveDate) return;
    this.decide('endExemption', () =>
      this.onMember(
        chosen.id,
        endExemption({ memberId: chosen.id, effectiveDate }, chosen.state, { today: this.today }),
      ),
    );
  }

  private removeName(): void {
    const chosen = this.pick(this.activeMembers());
    if (!chosen) return;
    const effectiveDate = this.memberDate(chosen);
    if (!effectiveDate) return;
    const reason =
      chosen.state.status === 'probationary' && this.chance(0.5)
        ? 'probation_failed'
        : this.pick(NAME_REMOVAL_REASONS)!;
    this.decide('removeName', () =>
      this.onMember(
        chosen.id,
        removeName(
          { memberId: chosen.id, reason, decisionRef: this.ref('QĐ/ĐU'), effectiveDate },
          chosen.state,
          {
            today: this.today,
          },
        ),
      ),
    );
  }

  private recordDeath(): void {
    const chosen = this.pick(this.activeMembers());
    if (!chosen) return;
    const effectiveDate = this.memberDate(chosen);
    if (!effectiveDate) return;
    this.decide('recordDeath', () =>
      this.onMember(
        chosen.id,
        recordDeath({ memberId: chosen.id, effectiveDate }, chosen.state, { today: this.today }),
      ),
    );
  }

  private exit(): void {
    const chosen = this.pick(this.activeMembers());
    if (!chosen) return;
    const effectiveDate = this.memberDate(chosen);
    if (!effectiveDate) return;
    this.decide('exitVoluntarily', () =>
      this.onMember(
        chosen.id,
        exitVoluntarily(
          { memberId: chosen.id, decisionRef: this.ref('QĐ/ĐU'), effectiveDate },
          chosen.state,
          {
            today: this.today,
            pendingDisciplineCaseIds: [],
          },
        ),
      ),
    );
  }

  private discipline(): void {
    const chosen = this.pick(this.activeMembers());
    if (!chosen) return;
    const effectiveDate = this.memberDate(chosen);
    if (!effectiveDate) return;
    const form = this.pick([
      'reprimand',
      'reprimand',
      'warning',
      'warning',
      'dismissal',
      'expulsion',
    ] as const)!;
    this.decide('applyDiscipline', () =>
      this.onMember(
        chosen.id,
        applyDiscipline(
          {
            memberId: chosen.id,
            caseId: this.uuid(),
            form,
            decisionRef: this.ref('QĐ/UBKT'),
            decidedBy: this.baseOrganizationOf(chosen.state.cellId) ?? chosen.state.cellId,
            effectiveDate,
          },
          chosen.state,
          { today: this.today },
        ),
      ),
    );
  }

  /** An appeal or review: another form, or annulled (an annulled expulsion restores the membership). */
  private amendDiscipline(): void {
    const cases: { id: string; state: Member; caseId: string; inForceFrom: string }[] = [];
    for (const id of this.members) {
      const state = this.member(id);
      if (state.status === 'none' || state.status === 'candidate') continue;
      for (const d of state.disciplines)
        cases.push({ id, state, caseId: d.caseId, inForceFrom: d.inForceFrom });
    }
    const chosen = this.pick(cases);
    if (!chosen) return;
    const effectiveDate = this.effective(chosen.inForceFrom);
    if (!effectiveDate) return;
    const form = this.pick([null, null, 'reprimand', 'warning', 'expulsion'] as const)!;
    this.decide('amendDiscipline', () =>
      this.onMember(
        chosen.id,
        amendDiscipline(
          {
            memberId: chosen.id,
            caseId: chosen.caseId,
            form,
            decisionRef: this.ref('QĐ/UBKTTW'),
            decidedBy: this.provinceId,
            effectiveDate,
          },
          chosen.state,
          { today: this.today },
        ),
      ),
    );
  }

  /** A post taken or left (what makes dismissal, cách chức, possible). */
  private updatePost(): void {
    const chosen = this.pick(this.activeMembers());
    if (!chosen) return;
    const effectiveDate = this.memberDate(chosen);
    if (!effectiveDate) return;
    const position = this.pick(['Bí thư chi bộ', 'Trưởng thôn', 'Chủ tịch UBND xã', null] as const)!;
    this.decide('updateProfile', () =>
      this.onMember(
        chosen.id,
        updateProfile({ memberId: chosen.id, position, effectiveDate }, chosen.state, { today: this.today }),
      ),
    );
  }

  private readmit(): void {
    const left = this.members.filter((id) => {
      const state = this.member(id);
      return (
        state.status === 'left' &&
        state.departure.how !== 'died' &&
        addMonths(state.departure.on, 36) <= this.today
      );
    });
    const memberId = this.pick(left);
    if (!memberId) return;
    const state = this.member(memberId) as Extract<Member, { status: 'left' }>;
    const cellId = this.randomCell();
    if (!cellId) return;
    const ceremonyDate = this.effective(addMonths(state.departure.on, 36));
    if (!ceremonyDate) return;
    const introducers = this.introducersFor(cellId, memberId);
    this.decide('readmitMember', () =>
      this.onMember(
        memberId,
        readmitMember(
          {
            memberId,
            cellId,
            decisionRef: this.ref('QĐ/ĐU'),
            decidedBy: this.baseOrganizationOf(cellId) ?? cellId,
            decisionDate: ceremonyDate,
            ceremonyDate,
            provincialConsent: true,
            specialHardship: this.chance(0.5),
            introducerIds: introducers.map((i) => i.memberId),
          },
          state,
          { today: this.today, cell: this.cellFacts(cellId, ceremonyDate), introducers },
        ),
      ),
    );
  }

  /** Corrections through correctRecord: an admission's effective date or cell, or an assessment retracted. */
  private correct(): void {
    const roll = this.int(0, 2);
    const type = roll === 2 ? 'MemberAssessed' : 'MemberAdmitted';
    const targets: { memberId: string; event: Recorded }[] = [];
    for (const memberId of this.members) {
      const events = this.events(memberStream(memberId));
      const current = new Set(applyCorrections(events).map((e) => e.eventId));
      for (const event of events)
        if (event.type === type && current.has(event.eventId)) targets.push({ memberId, event });
    }
    const target = this.pick(targets);
    if (!target) return;
    const streamId = memberStream(target.memberId);
    const now = applyCorrections(this.events(streamId)).find((e) => e.eventId === target.event.eventId)!;
    let change: { effectiveDate?: string; changes?: Record<string, unknown>; retract?: boolean };
    if (roll === 2) change = { retract: true };
    else if (roll === 0) {
      const shifted = addDays(now.effectiveDate, this.int(-45, 45) || 1);
      const date = shifted > this.today ? this.today : shifted;
      // The ceremony date on the record too, or only the date the record took effect.
      change = this.chance(0.5)
        ? { effectiveDate: date, changes: { ceremonyDate: date } }
        : { effectiveDate: date };
    } else {
      const cellId = this.randomCell();
      if (!cellId) return;
      change = { changes: { cellId } };
    }
    this.decide(
      roll === 2 ? 'retractAssessment' : roll === 0 ? 'correctAdmissionDate' : 'correctAdmissionCell',
      () =>
        this.onMember(
          target.memberId,
          correctRecord(
            { streamId, correctedEventId: target.event.eventId, reason: 'sai sót khi nhập', ...change },
            this.events(streamId),
            { today: this.today, fold: foldMember },
          ),
        ),
    );
  }

  /**
   * Corrections of the tree through correctRecord, as the API allows them on organization streams: an
   * establishment or a move dated otherwise, a move retracted, a move to another parent (of a kind the
   * organization may sit under).
   */
  private correctOrganization(): void {
    const roll = this.int(0, 3);
    const type = roll === 0 ? 'OrganizationEstablished' : 'OrganizationMoved';
    const targets: { id: string; kind: OrganizationKind; event: Recorded }[] = [];
    for (const { id, kind } of this.organizations)
      for (const event of applyCorrections(this.events(organizationStream(id))))
        if (event.type === type) targets.push({ id, kind, event });
    const target = this.pick(targets);
    if (!target) return;
    let change: { effectiveDate?: string; changes?: Record<string, unknown>; retract?: boolean };
    if (roll === 2) change = { retract: true };
    else if (roll === 3) {
      const parent = this.pick(
        this.activeOrganizations(...PARENT_KINDS[target.kind]).filter(
          (p) => p.id !== target.event.data.toParentId,
        ),
      );
      if (!parent) return;
      change = { changes: { toParentId: parent.id } };
    } else {
      const shifted = addDays(target.event.effectiveDate, this.int(-60, 60) || 1);
      change = { effectiveDate: shifted > this.today ? this.today : shifted };
    }
    const streamId = organizationStream(target.id);
    const name = ['correctEstablishmentDate', 'correctMoveDate', 'retractMove', 'correctMoveParent'][roll];
    this.decide(name, () =>
      this.onOrganization(
        target.id,
        correctRecord(
          { streamId, correctedEventId: target.event.eventId, reason: 'sai sót khi nhập', ...change },
          this.events(streamId),
          { today: this.today, fold: foldOrganization },
        ),
      ),
    );
  }

  private moveCell(): void {
    const cell = this.pick(this.activeOrganizations('cell'));
    const parent = this.pick(
      this.activeOrganizations('base_committee', 'sub_committee').filter((p) => p.id !== cell?.parentId),
    );
    if (!cell || !parent) return;
    const effectiveDate = this.effective(later(cell.establishedOn, parent.establishedOn));
    if (!effectiveDate) return;
    this.decide('moveOrganization', () =>
      this.onOrganization(
        cell.id,
        moveOrganization(
          { organizationId: cell.id, newParentId: parent.id, effectiveDate, decisionRef: this.ref('QĐ/TU') },
          cell,
          { newParent: parent, newParentAncestorIds: this.ancestors(parent.id) },
        ),
      ),
    );
  }

  /** A merger as the handler decides it: the organization, its children moved, a cell's members reassigned. */
  private merge(merged: Existing, into: Existing, effectiveDate: string): boolean {
    const decisionRef = this.ref('NQ/TU');
    return this.decide('mergeOrganization', () => {
      const decided: StreamEvent[] = mergeOrganization(
        { organizationId: merged.id, intoId: into.id, effectiveDate, decisionRef },
        merged,
        { into, childIds: this.children(merged.id) },
      );
      if (merged.kind === 'cell' || merged.kind === 'base_cell') {
        const toCell = this.cellFacts(into.id, effectiveDate);
        for (const m of this.registeredIn(merged.id))
          decided.push(
            ...this.onMember(
              m.id,
              reassignMemberByMerger(
                { memberId: m.id, toCellId: into.id, mergerOf: merged.id, decisionRef, effectiveDate },
                m.state,
                { today: this.today, toCell },
              ),
            ),
          );
      }
      return decided;
    });
  }

  private mergeCell(): void {
    const cells = this.activeOrganizations('cell', 'base_cell');
    const merged = this.pick(cells);
    if (!merged) return;
    // Mostly into a cell of the same commune.
    const siblings = cells.filter((c) => c.id !== merged.id && c.parentId === merged.parentId);
    const into = this.pick(
      siblings.length > 0 && this.chance(0.8) ? siblings : cells.filter((c) => c.id !== merged.id),
    );
    if (!into) return;
    const effectiveDate = this.effective(later(merged.establishedOn, into.establishedOn));
    if (!effectiveDate) return;
    this.merge(merged, into, effectiveDate);
  }

  private establishCell(): void {
    const parent = this.pick(this.activeOrganizations('base_committee', 'sub_committee'));
    if (parent) this.establish('cell', parent.id);
  }

  /** A đảng bộ bộ phận between a commune and cells of its own. */
  private establishSubCommittee(): void {
    const parent = this.pick(this.activeOrganizations('base_committee'));
    const sub = parent && this.establish('sub_committee', parent.id);
    if (sub) for (let k = this.int(1, 2); k > 0; k--) this.establish('cell', sub);
  }

  private establishCommune(): void {
    const parents =
      this.today < REFORM_DATE
        ? this.activeOrganizations('district_committee')
        : [this.existing(this.provinceId)!];
    const parent = this.pick(parents);
    if (!parent) return;
    // A base committee with cells, or a base cell (a base organization that is itself a cell).
    const kind = this.chance(0.3) ? 'base_cell' : 'base_committee';
    const base = this.establish(kind, parent.id, this.today >= REFORM_DATE ? REFORM_DATE : undefined);
    if (base && kind === 'base_committee')
      for (let k = this.int(1, 2); k > 0; k--) this.establish('cell', base);
  }

  private moveCommune(): void {
    if (this.today >= REFORM_DATE) return;
    const commune = this.pick(this.activeOrganizations('base_committee', 'base_cell'));
    const parent = this.pick(
      this.activeOrganizations('district_committee').filter((p) => p.id !== commune?.parentId),
    );
    if (!commune || !parent) return;
    const effectiveDate = this.effective(later(commune.establishedOn, parent.establishedOn));
    if (!effectiveDate || effectiveDate >= REFORM_DATE) return;
    this.decide('moveOrganization', () =>
      this.onOrganization(
        commune.id,
        moveOrganization(
          {
            organizationId: commune.id,
            newParentId: parent.id,
            effectiveDate,
            decisionRef: this.ref('QĐ/TU'),
          },
          commune,
          { newParent: parent, newParentAncestorIds: this.ancestors(parent.id) },
        ),
      ),
    );
  }

  private dissolveCell(): void {
    const cell = this.pick(this.activeOrganizations('cell', 'base_cell', 'sub_committee'));
    if (!cell) return;
    const effectiveDate = this.effective(cell.establishedOn);
    if (!effectiveDate) return;
    this.dissolve(cell, effectiveDate);
  }

  private dissolve(organization: Existing, effectiveDate: string): boolean {
    return this.decide('dissolveOrganization', () =>
      this.onOrganization(
        organization.id,
        dissolveOrganization(
          { organizationId: organization.id, effectiveDate, decisionRef: this.ref('QĐ/TU') },
          organization,
          {
            activeMemberCount: this.membersOf(organization.id).length,
            activeChildCount: this.children(organization.id).length,
          },
        ),
      ),
    );
  }

  /**
   * The 2025 reform, all effective 2025-07-01 and recorded over the following weeks, one decision per
   * step or two: some communes merge into another commune of their district, the others move under the
   * province, and each district is dissolved once nothing is left under it.
   */
  private reformStep(): void {
    for (let n = this.int(1, 2); n > 0; n--) {
      const underDistricts = this.activeOrganizations('base_committee', 'base_cell').filter(
        (c) => c.parentId !== null && this.existing(c.parentId)?.kind === 'district_committee',
      );
      const commune = this.pick(underDistricts);
      if (commune) {
        const partners = this.activeOrganizations(commune.kind).filter(
          (c) => c.id !== commune.id && c.parentId === commune.parentId,
        );
        const into = this.pick(partners);
        if (into && this.chance(0.35) && this.merge(commune, into, REFORM_DATE)) continue;
        this.decide('moveOrganization', () =>
          this.onOrganization(
            commune.id,
            moveOrganization(
              {
                organizationId: commune.id,
                newParentId: this.provinceId,
                effectiveDate: REFORM_DATE,
                decisionRef: 'QĐ294',
              },
              commune,
              { newParent: this.org(this.provinceId), newParentAncestorIds: [] },
            ),
          ),
        );
        continue;
      }
      const district = this.pick(this.activeOrganizations('district_committee'));
      if (!district) return;
      this.dissolve(district, REFORM_DATE);
    }
  }

  /**
   * Cells' meetings (MTG-1, MTG-2): over `days` days each cell holds a regular meeting with a chance of
   * about one a month and a thematic one of about one a quarter, so that some months and quarters are
   * missed and some have two; recorded within days.
   */
  private meetingsStep(days: number): void {
    for (const cell of this.activeOrganizations('cell', 'base_cell')) {
      for (const [meetingKind, chance] of [
        ['regular', (days / 30) * 0.9],
        ['thematic', (days / 91) * 0.8],
      ] as const) {
        if (!this.chance(chance)) continue;
        const heldOn = addDays(this.today, -this.int(0, Math.min(days + 10, 40)));
        const expected = Math.max(1, this.membersOf(cell.id).length - this.int(0, 1));
        const present = Math.max(0, expected - this.int(0, 2));
        this.decide('recordMeeting', () =>
          this.onOrganization(
            cell.id,
            recordMeeting({ organizationId: cell.id, meetingKind, heldOn, expected, present }, cell, {
              today: this.today,
            }),
          ),
        );
      }
    }
  }

  private inAssessmentSeason(): boolean {
    const month = this.today.slice(5, 7);
    return month === '12' || month === '01';
  }

  /** December and January: members and organizations are rated for the year ending. */
  private assessmentStep(): void {
    const year = this.today.slice(5, 7) === '12' ? yearOf(this.today) : yearOf(this.today) - 1;
    const floor = this.today.slice(5, 7) === '12' ? `${year}-12-01` : `${year}-12-15`;
    const active = this.activeMembers().filter((m) => ratingFor(m.state.ratings, year) === undefined);
    for (let n = Math.ceil(active.length / 30); n > 0; n--) {
      const [chosen] = active.splice(this.int(0, active.length - 1), 1);
      if (!chosen) break;
      const effectiveDate = later(floor, addDays(this.today, -this.int(0, 10)));
      const rating = this.pick(RATINGS)!;
      this.decide('assessMember', () =>
        this.onMember(
          chosen.id,
          assessMember({ memberId: chosen.id, year, rating, effectiveDate }, chosen.state, {
            today: this.today,
          }),
        ),
      );
    }
    if (!this.chance(0.4)) return;
    const organization = this.pick(
      this.activeOrganizations('cell', 'base_committee', 'district_committee').filter(
        (o) => ratingFor(o.ratings, year) === undefined,
      ),
    );
    if (!organization) return;
    const rating = this.pick(RATINGS)! as OrganizationRating;
    const effectiveDate = later(floor, addDays(this.today, -this.int(0, 10)));
    this.decide('assessOrganization', () =>
      this.onOrganization(
        organization.id,
        assessOrganization({ organizationId: organization.id, year, rating, effectiveDate }, organization),
      ),
    );
  }
}

const foldOrganization = (
  events: readonly { type: string; data: unknown; effectiveDate: string }[],
): Organization =>
  events.reduce((s, e) => evolveOrganization(s, e as unknown as OrganizationEvent), initialOrganizationState);

const foldMember = (events: readonly { type: string; data: unknown; effectiveDate: string }[]): Member =>
  events.reduce((s, e) => evolveMember(s, e as unknown as MemberEvent), initialMemberState);

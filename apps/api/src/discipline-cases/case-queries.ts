import { Inject, Injectable } from '@nestjs/common';
import {
  disciplineCaseStream,
  disciplineInForceOn,
  DisciplineForm,
  EntityNotFound,
  evolveDisciplineCase,
  ExistingCase,
  initialDisciplineCaseState,
  lapsesOn,
} from '@ledger/domain';
import { EVENT_STORE, EventStore, StoredEvent } from '@ledger/event-store';
import { entry, HistoryEntry, StreamQueries } from '../queries/stream-queries';

/** A case on a date, and what its discipline amounts to then. */
export type CaseView = ExistingCase & {
  version: number;
  asOf: string;
  /** The form in force on `asOf` (DIS-11, by time alone: no event marks a lapse), or null. */
  formInForce: DisciplineForm | null;
  inForce: boolean;
  /**
   * The first day the discipline that stands (the ruling's, else the decision's) is no longer in force:
   * 12 months after its announcement (DIS-11). Null when none stands, for expulsion and dissolution, which
   * never lapse, and while an appeal is pending (the decision does not lapse meanwhile).
   */
  lapsesOn: string | null;
};

/** One step of a trace: where it is in the log, both dates, the decision number, the body and the actor. */
export type TraceEntry = HistoryEntry & {
  streamId: string;
  /** The organization whose body took the decision (for a caused event: its own, else its cause's). */
  decidedBy?: string;
  decidedByKind?: string;
};

const BODY_FIELDS = ['decidedBy', 'resolvedBy', 'recordedBy', 'proposedBy', 'openedBy'] as const;
const KIND_FIELDS = ['decidedByKind', 'resolvedByKind', 'openedByKind'] as const;

const firstOf = (data: Record<string, unknown>, fields: readonly string[]): string | undefined =>
  fields.map((f) => data[f]).find((v): v is string => typeof v === 'string');

/** Reading a case: its state on a date (valid time), and its trace through the log. */
@Injectable()
export class CaseQueries {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly streams: StreamQueries,
  ) {}

  async state(caseId: string, asOf: string): Promise<CaseView> {
    const { state, version } = await this.streams.stateAsOf(
      'discipline-case',
      caseId,
      disciplineCaseStream(caseId),
      evolveDisciplineCase,
      initialDisciplineCaseState,
      asOf,
    );
    const kase = state as ExistingCase;
    const formInForce = disciplineInForceOn(kase, asOf);
    return {
      ...kase,
      version,
      asOf,
      formInForce,
      inForce: formInForce !== null,
      lapsesOn: standingLapse(kase),
    };
  }

  /**
   * The case's events and every event they caused in other streams (MemberDisciplined, MemberExpelled,
   * DisciplineAmended …), in log order.
   */
  async trace(caseId: string): Promise<TraceEntry[]> {
    const own = await this.store.readStream(disciplineCaseStream(caseId));
    if (own.length === 0) throw new EntityNotFound('discipline-case', caseId);
    const caused = await this.store.readCausedBy(own.map((e) => e.eventId));
    const byId = new Map(own.map((e) => [e.eventId, e]));
    return [...own, ...caused]
      .sort((a, b) => a.globalPosition - b.globalPosition)
      .map((e) => traceEntry(e, e.metadata.causationId ? byId.get(e.metadata.causationId) : undefined));
  }
}

const traceEntry = (e: StoredEvent, cause?: StoredEvent): TraceEntry => {
  const decidedBy = firstOf(e.data, BODY_FIELDS) ?? (cause && firstOf(cause.data, BODY_FIELDS));
  const decidedByKind = firstOf(e.data, KIND_FIELDS) ?? (cause && firstOf(cause.data, KIND_FIELDS));
  return {
    ...entry(e),
    streamId: e.streamId,
    ...(decidedBy ? { decidedBy } : {}),
    ...(decidedByKind ? { decidedByKind } : {}),
  };
};

const standingLapse = (kase: ExistingCase): string | null => {
  if (kase.status === 'open' || !kase.decision || kase.status === 'appealed') return null;
  const ruling = kase.appeal?.ruling;
  if (!ruling) return lapsesOn(kase.decision);
  return ruling.form ? lapsesOn({ form: ruling.form, announcedOn: ruling.announcedOn }) : null;
};

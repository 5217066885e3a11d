/**
 * A fact the domain decided. Events are plain data: past-tense PascalCase `type`, a JSON
 * `data` payload, and the date the decision took effect in the world (valid time). Where the
 * event came from (position, recordedAt, actor) lives in the store's envelope, not here.
 */
export interface DomainEvent<TType extends string = string, TData extends object = Record<string, unknown>> {
  readonly type: TType;
  readonly data: TData;
  /** YYYY-MM-DD: the date the decision took effect (valid time). */
  readonly effectiveDate: string;
}

/** An event destined for a stream other than the one being decided on (e.g. members moved by a merger). */
export interface StreamEvent<E extends DomainEvent = DomainEvent> {
  readonly streamId: string;
  readonly event: E;
}

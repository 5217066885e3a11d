import { NewEvent, StreamAppend } from '../envelope';
import { canonicalJson } from '../hashing';

/** An event's data and metadata as canonical JSON: hashed into its envelope, and written as its jsonb. */
export interface EventJson {
  data: string;
  metadata: string;
}

/**
 * Made before an append takes the lock, kept until the append has settled (`forgetJson`). Keyed
 * by the event object, which the append holds until then: an event object appended again, even
 * changed in between, is made anew.
 */
const prepared = new WeakMap<NewEvent, EventJson>();

/**
 * The part of an append's work that does not depend on where its events land in the log: done
 * when the append is submitted, outside the append lock, and (on `AppendThread`) while the append
 * before it waits for PostgreSQL.
 */
export function prepareJson(appends: readonly StreamAppend[]): void {
  for (const a of appends) for (const e of a.events) if (!prepared.has(e)) prepared.set(e, made(e));
}

/** The event's prepared JSON; made now if it was not prepared. */
export function jsonOf(e: NewEvent): EventJson {
  return prepared.get(e) ?? made(e);
}

const made = (e: NewEvent): EventJson => ({
  data: canonicalJson(e.data),
  metadata: canonicalJson(e.metadata ?? {}),
});

/** Once an append has settled, written or refused: its events' JSON is made anew if they come again. */
export function forgetJson(appends: readonly StreamAppend[]): void {
  for (const a of appends) for (const e of a.events) prepared.delete(e);
}

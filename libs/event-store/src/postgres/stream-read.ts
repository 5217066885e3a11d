import { IN_ORGANIZATION_STATES, OUT_OF_ORGANIZATION_STATES } from './bulk-load';

/**
 * The statement behind readStreamSkipping: a stream's version and its events from $2 on, but for
 * the types in $3, in one round trip (a stream with no event left after skipping still gives one
 * row: the version, the event's columns null). `organization`: the statement for an organization
 * stream read skipping at least the types its index leaves out (skipsWhatStatesLeaveOut), which
 * states the predicate of that index (IndexOrganizationStates1732300000006) so that a plan made
 * for any stream id (a generic plan of the prepared statement) still reads the events from that
 * index alone. The version is read from the log's unique index, as the append's lock reads it
 * (ledger_lock_for_append): read there, it warms the page the append will need under the lock
 * (measured: with both parts of this read on the index of organization streams, the lock read 2
 * pages from disk per append of a cell the app had not read before, and 16 clients went from 423
 * to 356 appends/s).
 */
const statement = (organization: boolean) => ({
  name: organization ? 'ledger-read-organization-state' : 'ledger-read-stream',
  text: `SELECT v.version, e.* FROM
         (SELECT max(stream_version) AS version FROM ledger_events WHERE stream_id = $1) v
         LEFT JOIN LATERAL (
           SELECT * FROM ledger_events
            WHERE stream_id = $1 ${organization ? `AND ${IN_ORGANIZATION_STATES}` : ''} AND stream_version >= $2 AND type <> ALL ($3::text[])
            ORDER BY stream_version
         ) e ON true`,
});
// Built once: every read of a stream for a decision takes one of the two.
const ORGANIZATION_STATE_READ = statement(true);
const STREAM_READ = statement(false);

export const streamReadSkipping = (organization: boolean): { name: string; text: string } =>
  organization ? ORGANIZATION_STATE_READ : STREAM_READ;

/**
 * Whether a read skipping `skipTypes` may go to the index of organization states: only if it skips
 * every type that index leaves out (else the events of those types would be missing).
 */
export const skipsWhatStatesLeaveOut = (skipTypes: readonly string[]): boolean =>
  OUT_OF_ORGANIZATION_STATES.every((t) => skipTypes.includes(t));

/**
 * The statement behind readStreamsSkipping: readStreamSkipping's read for each stream of $1 from
 * its start (a stream with no event left after skipping gives one row: its version, the event's
 * columns null), streams in the order given. `organization` as for streamReadSkipping.
 */
const streamsStatement = (organization: boolean) => ({
  name: organization ? 'ledger-read-organization-states' : 'ledger-read-streams',
  text: `SELECT s.id AS read_stream_id, v.version, e.* FROM unnest($1::text[]) WITH ORDINALITY AS s(id, n)
         CROSS JOIN LATERAL (SELECT max(stream_version) AS version FROM ledger_events WHERE stream_id = s.id) v
         LEFT JOIN LATERAL (
           SELECT * FROM ledger_events
            WHERE stream_id = s.id ${organization ? `AND ${IN_ORGANIZATION_STATES}` : ''} AND type <> ALL ($2::text[])
            ORDER BY stream_version
         ) e ON true
         ORDER BY s.n, e.stream_version`,
});
const ORGANIZATION_STATES_READ = streamsStatement(true);
const STREAMS_READ = streamsStatement(false);

export const streamsReadSkipping = (organization: boolean): { name: string; text: string } =>
  organization ? ORGANIZATION_STATES_READ : STREAMS_READ;

/**
 * The statement behind recentStreams: streams under the prefix $1, the one whose last event not of
 * the types in $3 is latest first, at most $2. `organization`: organization streams skipping what
 * the index of organization states leaves out, read from that index alone.
 */
const recentStatement = (organization: boolean) => ({
  name: organization ? 'ledger-recent-organizations' : 'ledger-recent-streams',
  text: `SELECT stream_id FROM ledger_events
          WHERE starts_with(stream_id, $1) ${organization ? `AND ${IN_ORGANIZATION_STATES}` : ''} AND type <> ALL ($3::text[])
          GROUP BY stream_id ORDER BY max(global_position) DESC LIMIT $2`,
});
const RECENT_ORGANIZATIONS = recentStatement(true);
const RECENT_STREAMS = recentStatement(false);

export const recentStreams = (organization: boolean): { name: string; text: string } =>
  organization ? RECENT_ORGANIZATIONS : RECENT_STREAMS;

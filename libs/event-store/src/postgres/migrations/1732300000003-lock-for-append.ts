import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Takes the append lock and reads what an append decides on (the streams' versions, the head) in
 * one round trip instead of three: the lock is held from here to COMMIT, so every round trip
 * inside it is time every other writer waits. A function, because its statements run in order —
 * the reads after the lock, each with a snapshot taken once the lock is held.
 */
export class LockForAppend1732300000003 implements MigrationInterface {
  name = 'LockForAppend1732300000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION ledger_lock_for_append(lock_key bigint, stream_ids text[])
      RETURNS TABLE (versions jsonb, head_position bigint, head_hash text, recorded_at text)
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(lock_key);
        RETURN QUERY
          SELECT (SELECT coalesce(jsonb_object_agg(v.stream_id, v.version), '{}'::jsonb)
                    FROM (SELECT e.stream_id, max(e.stream_version) AS version FROM ledger_events e
                           WHERE e.stream_id = ANY(stream_ids) GROUP BY e.stream_id) v),
                 h.global_position,
                 h.hash,
                 -- Transaction time never decreases along the log, so "recorded by knownAt" is a prefix.
                 to_char(greatest(date_trunc('milliseconds', clock_timestamp()), h.recorded_at) AT TIME ZONE 'UTC',
                         'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
            FROM ledger_head h;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION ledger_lock_for_append(bigint, text[])');
  }
}

import { Pool, PoolClient } from 'pg';
import { GENESIS_HASH, hashEvent } from '../hashing';
import { VerifyProgress, VerifyResult } from '../verify-result';
import { EventRow, toStoredEvent } from './event-row';

const BATCH = 5000;

/**
 * Walks the log in position order and recomputes the chain. Positions must run 1, 2, 3 … with
 * no gap, each stream's versions 0, 1, 2 …, each hash must match its envelope and predecessor,
 * and the log must end exactly at the head recorded with the last append (which is what finds
 * a truncated tail: the chain alone cannot know that events are missing after its end).
 */
export async function verifyLog(pool: Pool, onProgress?: (p: VerifyProgress) => void): Promise<VerifyResult> {
  // One snapshot for the head, the count and every batch: an append committing during the walk
  // must not look like events after the head.
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    return await walk(client, onProgress);
  } finally {
    await client.query('COMMIT').catch(() => undefined);
    client.release();
  }
}

async function walk(pool: PoolClient, onProgress?: (p: VerifyProgress) => void): Promise<VerifyResult> {
  const headRow = await pool.query<{ global_position: string; hash: string }>('SELECT * FROM ledger_head');
  const head = { position: Number(headRow.rows[0].global_position), hash: headRow.rows[0].hash };
  const countRow = await pool.query<{ n: string }>('SELECT count(*) AS n FROM ledger_events');
  const total = Number(countRow.rows[0].n);
  const streamVersions = new Map<string, number>();
  let previous = GENESIS_HASH;
  let expected = 1;
  let checked = 0;
  const bad = (position: number, reason: string): VerifyResult => ({
    ok: false,
    checked,
    firstBadPosition: position,
    reason,
  });

  for (;;) {
    const batch = await pool.query<EventRow>(
      'SELECT * FROM ledger_events WHERE global_position >= $1 ORDER BY global_position LIMIT $2',
      [expected, BATCH],
    );
    for (const row of batch.rows) {
      const event = toStoredEvent(row);
      if (event.globalPosition !== expected) return bad(expected, `position ${expected} is missing`);
      const lastVersion = streamVersions.get(event.streamId) ?? -1;
      if (event.streamVersion !== lastVersion + 1)
        return bad(
          expected,
          `stream ${event.streamId} jumps from version ${lastVersion} to ${event.streamVersion}`,
        );
      const { hash, ...content } = event;
      const recomputed = hashEvent(content, previous);
      if (recomputed !== hash)
        return bad(expected, 'the stored hash does not match the event and its predecessor');
      streamVersions.set(event.streamId, event.streamVersion);
      previous = hash;
      expected += 1;
      checked += 1;
    }
    onProgress?.({ checked, total });
    if (batch.rows.length < BATCH) break;
  }
  const last = expected - 1;
  if (last < head.position)
    return bad(
      last + 1,
      `the log ends at position ${last} but the head records ${head.position}: the tail is missing`,
    );
  if (last > head.position) return bad(head.position + 1, `events after the recorded head ${head.position}`);
  if (previous !== head.hash) return bad(last, 'the last hash differs from the recorded head');
  return { ok: true, checked, head };
}

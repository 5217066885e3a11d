import { Pool } from 'pg';
import { Tamper } from '../contract/event-store.contract';
import { hashEvent } from '../hashing';
import { EventRow, toStoredEvent } from './event-row';

/** Direct SQL edits of ledger_events, with the append-only trigger switched off as an owner could. */
export function postgresTamper(pool: Pool): Tamper {
  const sql = async (...statements: [string, unknown[]?][]) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE ledger_events DISABLE TRIGGER ledger_events_append_only');
      for (const [text, params] of statements) await client.query(text, params);
      await client.query('ALTER TABLE ledger_events ENABLE TRIGGER ledger_events_append_only');
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
  return {
    changeData: (p) =>
      sql([`UPDATE ledger_events SET data = data || '{"tampered": true}' WHERE global_position = $1`, [p]]),
    deleteEvent: (p) => sql(['DELETE FROM ledger_events WHERE global_position = $1', [p]]),
    swap: (a, b) =>
      sql(
        ['UPDATE ledger_events SET global_position = -1 WHERE global_position = $1', [a]],
        ['UPDATE ledger_events SET global_position = $1 WHERE global_position = $2', [a, b]],
        ['UPDATE ledger_events SET global_position = $1 WHERE global_position = -1', [b]],
      ),
    truncateAfter: (p) => sql(['DELETE FROM ledger_events WHERE global_position > $1', [p]]),
    insertEvent: async (p) => {
      const before = await pool.query<EventRow>('SELECT * FROM ledger_events WHERE global_position = $1', [
        p - 1,
      ]);
      const forged = {
        globalPosition: p,
        streamId: 'forged-stream',
        streamVersion: 0,
        eventId: '00000000-0000-4000-8000-000000000001',
        type: 'Forged',
        schemaVersion: 1,
        data: { forged: true },
        effectiveDate: '2024-01-01',
        recordedAt: new Date().toISOString(),
        metadata: {},
      };
      const hash = hashEvent(forged, toStoredEvent(before.rows[0]).hash);
      await sql(
        ['UPDATE ledger_events SET global_position = -global_position WHERE global_position >= $1', [p]],
        ['UPDATE ledger_events SET global_position = -global_position + 1 WHERE global_position < 0', []],
        [
          `INSERT INTO ledger_events VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            p,
            forged.streamId,
            0,
            forged.eventId,
            forged.type,
            1,
            forged.data,
            forged.effectiveDate,
            forged.recordedAt,
            {},
            hash,
          ],
        ],
      );
    },
  };
}

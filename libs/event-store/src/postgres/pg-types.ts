import { Pool, types } from 'pg';

const DATE_OID = 1082;

/**
 * node-postgres turns a `date` into a JS Date at local midnight, which shifts the day in any
 * timezone east or west of UTC. Valid-time dates are calendar dates: keep them as YYYY-MM-DD.
 */
export const ledgerTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID
      ? (value: string) => value
      : types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser,
};

/**
 * A pool as every part of the ledger opens one: dates kept as calendar dates, timestamps read in
 * UTC (without it, a timestamp without an offset would be read in the server's zone). The caller
 * listens for its errors (an idle connection lost would otherwise crash the process).
 */
export const ledgerPool = (connectionString: string, max: number): Pool =>
  new Pool({ connectionString, max, types: ledgerTypes, options: '-c TimeZone=UTC' });

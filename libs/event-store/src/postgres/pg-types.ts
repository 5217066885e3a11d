import { types } from 'pg';

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

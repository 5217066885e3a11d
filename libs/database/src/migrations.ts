import { DataSource } from 'typeorm';
import { CreateReadModels1732400000000 } from '@ledger/projections/migrations/1732400000000-create-read-models';
import { CreateMeetings1732400000001 } from '@ledger/projections/migrations/1732400000001-create-meetings';
import { CreateDisciplineCases1732400000002 } from '@ledger/projections/migrations/1732400000002-create-discipline-cases';
import { IndexSubtreeCounts1732400000003 } from '@ledger/projections/migrations/1732400000003-index-subtree-counts';
import { IndexFlowsByCell1732400000004 } from '@ledger/projections/migrations/1732400000004-index-flows-by-cell';
import { IndexValidityIncluded1732400000005 } from '@ledger/projections/migrations/1732400000005-index-validity-included';
import {
  CreateEventStore1732300000000,
  IndexEventCausation1732300000002,
  IndexEventReferences1732300000001,
  LockForAppend1732300000003,
  StreamVersionsByLastEvent1732300000004,
  IndexOrganizationStreams1732300000005,
  IndexOrganizationStates1732300000006,
} from '@ledger/event-store';

/** Every schema change, in order. TypeORM runs the ones not yet applied; `synchronize` is never used. */
export const MIGRATIONS = [
  CreateEventStore1732300000000,
  IndexEventReferences1732300000001,
  CreateReadModels1732400000000,
  CreateMeetings1732400000001,
  CreateDisciplineCases1732400000002,
  IndexEventCausation1732300000002,
  IndexSubtreeCounts1732400000003,
  LockForAppend1732300000003,
  IndexFlowsByCell1732400000004,
  IndexValidityIncluded1732400000005,
  StreamVersionsByLastEvent1732300000004,
  IndexOrganizationStreams1732300000005,
  IndexOrganizationStates1732300000006,
];

export function createDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'ledger_migrations',
    synchronize: false,
    logging: false,
  });
}

/** Applies pending migrations; returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

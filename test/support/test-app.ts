import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp, httpAdapter } from '../../apps/api/src/configure-app';
import { validateConfig } from '../../libs/database/src/config';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  /** Number of events in the log: refused and malformed requests must leave it unchanged. */
  logSize(): Promise<number>;
  close(): Promise<void>;
}

/** The real app, configured as main.ts configures it, on the database at `databaseUrl`, ready for supertest. */
export async function startApp(databaseUrl: string): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ config: validateConfig({ DATABASE_URL: databaseUrl }), databaseUrl })],
  }).compile();
  const app = configureApp(
    moduleRef.createNestApplication<NestFastifyApplication>(httpAdapter(), {
      bodyParser: false,
      logger: ['error'],
    }),
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** The real app on a fresh migrated database of its own. */
export async function createTestApp(): Promise<TestApp> {
  const db = await createTestDatabase();
  const app = await startApp(db.url);
  return {
    app,
    db,
    logSize: async () => Number((await db.pool.query('SELECT count(*) AS n FROM ledger_events')).rows[0].n),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

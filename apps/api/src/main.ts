import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createServer } from 'node:net';
import {
  openDatabase,
  OpenDatabase,
  redact,
  runMigrations,
  StartupError,
  validateConfig,
} from '@ledger/database';
import { AppModule } from './app.module';
import { configureApp, httpAdapter } from './configure-app';

/**
 * Start order: validate the environment, open the database (embedded or DATABASE_URL), run
 * migrations, then serve. Stop order is the reverse, on SIGINT or SIGTERM: stop serving, close
 * the pools, then stop the embedded PostgreSQL. Configuration and environment problems end with
 * one line on stderr and exit code 1.
 */
async function bootstrap(): Promise<void> {
  const logger = new ConsoleLogger('membership-ledger', { json: true });
  let database: OpenDatabase | undefined;
  try {
    const config = validateConfig(process.env);
    await ensurePortFree(config.PORT); // before the database starts: fail fast, and before Nest logs its own error
    database = await openDatabase(config, (m) => logger.log(m));
    const applied = await runMigrations(database.url);
    if (applied.length) logger.log(`Migrations applied: ${applied.join(', ')}`);
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot({ config, databaseUrl: database.url }),
      httpAdapter(),
      { logger, bodyParser: false },
    );
    configureApp(app);
    await app.listen(config.PORT, '0.0.0.0').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE'
        ? new StartupError(`Port ${config.PORT} is already in use: stop the other server or set PORT.`)
        : error;
    });
    logger.log(
      `Serving on http://localhost:${config.PORT} (API docs at /docs) with ${
        database.embedded ? `the embedded PostgreSQL in ${config.DATA_DIR}` : redact(database.url)
      }`,
    );
    const db = database;
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.log(`${signal} received: shutting down`);
      await app.close();
      await db.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    await database?.close().catch(() => undefined);
    if (error instanceof StartupError) {
      process.stderr.write(`membership-ledger: ${error.message}\n`);
    } else {
      process.stderr.write(`membership-ledger: failed to start: ${(error as Error).stack ?? error}\n`);
    }
    process.exit(1);
  }
}

function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(`Port ${port} is already in use: stop the other server or set PORT.`)
          : new StartupError(`Cannot listen on port ${port}: ${error.message}`),
      ),
    );
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve()));
  });
}

void bootstrap();

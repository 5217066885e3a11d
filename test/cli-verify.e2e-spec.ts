import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PostgresEventStore } from '../libs/event-store/src/postgres/postgres-event-store';
import { postgresTamper } from '../libs/event-store/src/postgres/postgres-tamper';
import { createTestDatabase, TestDatabase } from './support/test-database';

const CLI = join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');

describe('ledger verify (the CLI)', () => {
  let db: TestDatabase;
  const verify = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'verify', ...args], {
      env: { ...process.env, DATABASE_URL: db.url },
      encoding: 'utf8',
    });

  beforeEach(async () => {
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool);
    for (let i = 0; i < 12; i++)
      await store.append(`member-${i % 4}`, 'any', [
        { type: 'Recorded', data: { i }, effectiveDate: '2024-05-01' },
      ]);
  });
  afterEach(() => db.drop());

  it('prints OK and the head on an untouched log', () => {
    const result = verify();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^OK: 12 events verified in [\d.]+s; head 12:[0-9a-f]{64}$/m);
    expect(result.stderr).toMatch(/verify: 12 of 12 events \(100%\)/);
  });

  it('exits 1 naming the first bad position of a tampered log', async () => {
    await postgresTamper(db.pool).changeData(7);
    const result = verify();
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/TAMPERED: first bad position 7/);
  });

  it('checks an anchor kept outside the database', async () => {
    const anchor = /head (\d+:[0-9a-f]{64})/.exec(verify().stdout)![1];
    expect(verify('--expect-head', anchor).status).toBe(0);
    expect(verify('--expect-head', `12:${'a'.repeat(64)}`).stdout).toMatch(
      /no longer carries the anchored hash/,
    );
  });
});

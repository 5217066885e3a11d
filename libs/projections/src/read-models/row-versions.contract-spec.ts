import { createTestDatabase, TestDatabase } from '../../../../test/support/test-database';
import { Cell, tableSpecs } from './entity-rows';
import { copyCell, copyVersions, insertVersions } from './row-versions';
import { readModelTables } from './tables';

describe('row versions written with COPY (a rebuild) and with INSERT (the live projector)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const spec = tableSpecs(readModelTables()).memberTimeline;
  // Names no generator makes: COPY's own escapes, a literal \N, line breaks, Vietnamese letters.
  const names = ['Tab\there', 'Line\nbreak', 'Carriage\rreturn', 'Back\\slash', '\\N', 'Nguyễn Thị Ánh', ''];
  const rows = (id: string): Cell[][] =>
    names.map((name, i) => [
      id,
      'official',
      name,
      'cell-1',
      i % 2 ? null : 'cell-1',
      null,
      null,
      `2020-01-0${i + 1}`,
      i === 0 ? 'infinity' : `2020-02-0${i + 1}`,
      '2024-05-01T10:00:00.000Z',
      'infinity',
    ]);
  const read = async (id: string) =>
    (
      await db.pool.query(
        `SELECT full_name, registered_cell_id, counted_cell_id, exempt_from, valid_from::text, valid_to::text,
                known_from, known_to::text FROM ${spec.table} WHERE member_id = $1 ORDER BY valid_from`,
        [id],
      )
    ).rows;

  it('stores every cell as INSERT does, escapes and nulls included', async () => {
    const client = await db.pool.connect();
    try {
      await insertVersions(client, spec, rows('by-insert'));
      await copyVersions(client, spec, rows('by-copy'));
    } finally {
      client.release();
    }
    const copied = await read('by-copy');
    expect(copied.map((r) => r.full_name)).toEqual(names);
    expect(copied).toEqual(await read('by-insert'));
  });

  it('writes nothing for no rows', async () => {
    const client = await db.pool.connect();
    try {
      await copyVersions(client, spec, []);
    } finally {
      client.release();
    }
    expect(await read('none')).toEqual([]);
  });

  it('spells cells as COPY reads them', () => {
    expect(copyCell(null)).toBe('\\N');
    expect(copyCell(undefined)).toBe('\\N');
    expect(copyCell(2024)).toBe('2024');
    expect(copyCell('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyCell('\\N')).toBe('\\\\N');
  });
});

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const depcruise = (cwd: string, ...targets: string[]) =>
  spawnSync(
    join(ROOT, 'node_modules', '.bin', 'depcruise'),
    [...targets, '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err'],
    { cwd, encoding: 'utf8' },
  );

describe('the layer rules', () => {
  it('refuse a domain file that imports Nest, pg or node built-ins', () => {
    const result = depcruise(join(__dirname, 'fixtures', 'impure-domain'), 'libs');
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/domain-is-pure.*@nestjs\/common/);
    expect(result.stdout).toMatch(/domain-is-pure.*pg/);
    expect(result.stdout).toMatch(/domain-no-node-builtins.*fs/);
  });

  it('hold for the real tree', () => {
    const result = depcruise(ROOT, 'apps', 'libs');
    expect(result.stdout + result.stderr).toMatch(/no dependency violations found/);
    expect(result.status).toBe(0);
  });
});

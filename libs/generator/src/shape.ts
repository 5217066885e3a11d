import { BASE_CELL_NAMES, cellName, placeName } from './names';
import { Shape } from './province';
import { Random } from './random';

/**
 * The shape of a random province of `members` members: cells of about 35 (25–45), communes of 12–22
 * cells, districts of 8–16 communes, and a few base cells (schools, agencies) under each district. The
 * members on file add up to exactly `members`.
 */
export function provinceShape(random: Random, members: number): Shape {
  const used = new Set<string>();
  const cellCount = Math.max(4, Math.round(members / 35));
  const baseCellCount = Math.floor(cellCount / 25);
  const communeCount = Math.max(2, Math.round((cellCount - baseCellCount) / 17));
  const districtCount = Math.max(1, Math.min(Math.floor(communeCount / 2), Math.round(communeCount / 12)));

  const communesPer = split(random, communeCount, districtCount, 2);
  const cellsPer = split(random, cellCount - baseCellCount, communeCount, 2);
  const baseCellsPer = split(random, baseCellCount, districtCount, 0);
  const weights: number[] = [];
  for (let i = 0; i < cellCount; i++)
    weights.push(i < cellCount - baseCellCount ? random.int(25, 45) : random.int(12, 30));
  const sizes = apportion(members, weights);

  let commune = 0;
  let cell = 0;
  let baseCell = cellCount - baseCellCount;
  const districts: Shape[] = communesPer.map((n, d) => {
    const place = placeName(random, used);
    const communes: Shape[] = Array.from({ length: n }, (_, c) => {
      const name = c === 0 ? place : placeName(random, used);
      const cells = Array.from({ length: cellsPer[commune++] }, (_, k) => ({
        name: cellName(random, k, name),
        kind: 'cell' as const,
        members: sizes[cell++],
      }));
      return {
        name: `${c === 0 ? 'Thị trấn' : 'Xã'} ${name}`,
        kind: 'base_committee' as const,
        children: cells,
      };
    });
    const baseCells: Shape[] = Array.from({ length: baseCellsPer[d] }, (_, k) => ({
      name: `${BASE_CELL_NAMES[k % BASE_CELL_NAMES.length]} ${place}${k >= BASE_CELL_NAMES.length ? ` ${k}` : ''}`,
      kind: 'base_cell' as const,
      members: sizes[baseCell++],
    }));
    return {
      name: `Huyện ${place}`,
      kind: 'district_committee' as const,
      children: [...communes, ...baseCells],
    };
  });
  return { name: `Tỉnh ${placeName(random, used)}`, kind: 'provincial_committee', children: districts };
}

/** `total` split into `parts` random parts of at least `least` each (as even as chance makes them). */
function split(random: Random, total: number, parts: number, least: number): number[] {
  const sizes = apportion(
    total - least * parts,
    Array.from({ length: parts }, () => random.int(80, 120)),
  );
  return sizes.map((n) => n + least);
}

/** `total` shared in proportion to `weights`, in whole numbers that add up to `total` (largest remainders). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const sizes = exact.map(Math.floor);
  let left = total - sizes.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) sizes[order[k][1]] += 1;
  return sizes;
}

import { OrganizationKind, addDays, addMonths } from '@ledger/domain';
import { dayBetween } from './calendar';
import { establish } from './actions/organizations';
import { appointSecretary, registerFromRecords, setPosition } from './actions/members';
import { Life } from './life';
import { probation } from './lifecycle/joining';
import { Random } from './random';

/** Building a province on the ledger's first day: its tree, and the members on file in each cell. */

export interface Shape {
  name: string;
  kind: OrganizationKind;
  /** Members on file, for a cell or a base cell. */
  members?: number;
  children?: Shape[];
}

export interface Built {
  id: string;
  kind: OrganizationKind;
  name: string;
  children: Built[];
}

/** A person on the rolls on `from`: age, admission and official dates as the paper records have them. */
export function personOnFile(
  random: Random,
  from: string,
): { birthDate: string; admittedOn: string; officialOn?: string } {
  const roll = random.next();
  const age = roll < 0.66 ? random.int(24, 59) : roll < 0.9 ? random.int(60, 74) : random.int(75, 92);
  const birthDate = addDays(from, -(age * 365 + random.int(0, 364)));
  if (random.chance(0.03)) return { birthDate, admittedOn: addDays(from, -random.int(20, 330)) };
  const admittedAt = random.int(18, Math.min(age - 1, 40));
  let admittedOn = addDays(birthDate, admittedAt * 365 + random.int(0, 364));
  if (admittedOn > addDays(from, -400)) admittedOn = addDays(from, -random.int(400, 900));
  const officialOn = addDays(addMonths(admittedOn, 12), random.int(0, 40));
  return { birthDate, admittedOn, ...(officialOn <= from ? { officialOn } : {}) };
}

/**
 * Establishes the tree (effective `from`, recorded that day), then registers each cell's members from
 * the records over the first weeks, and has each cell and base committee elect its secretary; village
 * cells also record their village head (trưởng thôn) among their members.
 */
export function buildProvince(life: Life, shape: Shape, from: string, ref: string): Built {
  const world = life.world;
  const build = (node: Shape, parentId: string | null): Built => {
    const record = establish(world, node.kind, node.name, parentId, from, world.ref(ref));
    if (!record) throw new Error(`${node.name} could not be established: ${world.lastRefusal?.message}`);
    const built = { id: record.id, kind: node.kind, name: node.name, children: [] as Built[] };
    built.children = (node.children ?? []).map((child) => build(child, record.id));
    if (node.members !== undefined) registerCell(life, built, node.members, from);
    else if (node.kind === 'base_committee') electBaseSecretary(life, built.id, addDays(from, 75));
    return built;
  };
  return build(shape, null);
}

function registerCell(life: Life, cell: Built, members: number, from: string): void {
  const world = life.world;
  life.at(from, dayBetween(life.random, from, addDays(from, 60)), () => {
    for (let i = 0; i < members; i++) {
      const person = personOnFile(life.random, from);
      const record = registerFromRecords(
        world,
        cell.id,
        person,
        from,
        life.random.chance(life.options.trackShare),
      );
      if (!record)
        throw new Error(`Registering a member of ${cell.name} failed: ${world.lastRefusal?.message}`);
      life.track(record);
      if (!person.officialOn) probation(life, record, person.admittedOn);
    }
    const on = addDays(world.today, life.random.int(1, 10));
    life.at(on, on, () => {
      const officials = world.countedIn(cell.id).filter((m) => m.state.status === 'official');
      const [secretary, head] = life.random.shuffle(officials);
      if (secretary) appointSecretary(world, cell.id, secretary, 'Bí thư chi bộ', on);
      if (head && /thôn|khu/.test(cell.name)) setPosition(world, head, 'Trưởng thôn', on);
    });
  });
}

function electBaseSecretary(life: Life, baseId: string, on: string): void {
  life.at(on, on, () => {
    const cells = life.world.cellsOf(baseId);
    const member = life.pick(cells, (m) => m.state.status === 'official' && life.free(on)(m));
    if (member) appointSecretary(life.world, baseId, member, 'Bí thư Đảng ủy', on);
  });
}

/** Every node of a built tree, depth first. */
export const nodesOf = (node: Built): Built[] => [node, ...node.children.flatMap(nodesOf)];

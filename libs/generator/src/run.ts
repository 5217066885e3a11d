import { Agenda } from './agenda';
import { World } from './world';

export interface Progress {
  /** Events decided so far (appended, or in the batch being filled). */
  events: number;
  /** Member streams opened so far (members and candidates). */
  members: number;
  /** What is being simulated: "records", "2014" … */
  phase: string;
}

/** Tasks run between two turns of the event loop while a batch is being appended. */
const TASKS_PER_TURN = 40;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Works through the agenda in recording order, appending a batch whenever one is full, and the rest at
 * the end. One batch is appended while the next is decided: the simulation gives the event loop a turn
 * every few tasks so the append's round trips go on meanwhile, and waits for it before the next one
 * (appends stay in order, each at the versions the previous one left). `phase` names what the day being
 * simulated belongs to.
 */
export async function runAgenda(
  world: World,
  agenda: Agenda,
  phase: (day: string) => string,
  onProgress?: (progress: Progress) => void,
): Promise<void> {
  const report = () =>
    onProgress?.({ events: world.writer.events, members: world.members.size, phase: phase(world.today) });
  let appending: Promise<void> | undefined;
  let tasks = 0;
  for (let task = agenda.next(); task; task = agenda.next()) {
    world.today = task.on;
    world.lastRefusal = undefined;
    task.run();
    if (world.writer.due) {
      await appending;
      appending = world.writer.flush().then(report);
    }
    if (appending && ++tasks % TASKS_PER_TURN === 0) await turn();
  }
  await appending;
  await world.writer.flush();
  report();
}

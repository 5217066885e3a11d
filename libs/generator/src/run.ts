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
 * the end. Batches are appended while the next is decided: the simulation gives the event loop a turn
 * every few tasks so the appends' round trips go on meanwhile. At most `writer.inFlight` batches are on
 * their way at once (two to a store that refuses whatever follows a failed append, so that the next is
 * already there when the one before is written; one otherwise); appends stay in order, each at the
 * versions the previous one left. `phase` names what the day being simulated belongs to.
 */
export async function runAgenda(
  world: World,
  agenda: Agenda,
  phase: (day: string) => string,
  onProgress?: (progress: Progress) => void,
): Promise<void> {
  const report = () =>
    onProgress?.({ events: world.writer.events, members: world.members.size, phase: phase(world.today) });
  const appending: Promise<void>[] = [];
  const append = () => {
    const done = world.writer.flush().then(report);
    done.catch(() => undefined); // awaited below, in order; this only keeps it from counting as unhandled
    appending.push(done);
  };
  let tasks = 0;
  for (let task = agenda.next(); task; task = agenda.next()) {
    world.today = task.on;
    world.lastRefusal = undefined;
    task.run();
    if (world.writer.due) {
      if (appending.length >= world.writer.inFlight) await appending.shift();
      append();
    }
    if (appending.length > 0 && ++tasks % TASKS_PER_TURN === 0) await turn();
  }
  append();
  for (const done of appending) await done;
  report();
}

import { AppendQueue } from './append-queue';

/** A queue whose writes are recorded and finish when the test says so. */
function recordingQueue(groupable: (r: string) => boolean) {
  const writes: string[][] = [];
  let release: () => void = () => undefined;
  const gate = () => new Promise<void>((r) => (release = r));
  const queue = new AppendQueue<string, string>({
    alone: async (r) => {
      writes.push([r]);
      await gate();
      if (r.startsWith('bad')) throw new Error(r);
      return `${r}:ok`;
    },
    group: async (group) => {
      writes.push(group.map((q) => q.request));
      await gate();
      for (const q of group) q.resolve(`${q.request}:grouped`);
    },
    groupable,
    maxGroup: 3,
  });
  return { queue, writes, release: () => release() };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('AppendQueue', () => {
  it('writes what arrives while a write is under way together, in arrival order, up to the limit', async () => {
    const { queue, writes, release } = recordingQueue(() => true);
    const answers = ['a', 'b', 'c', 'd', 'e'].map((r) => queue.submit(r));
    for (let i = 0; i < 3; i++) {
      await tick();
      release();
    }
    expect(await Promise.all(answers)).toEqual(['a:ok', 'b:grouped', 'c:grouped', 'd:grouped', 'e:ok']);
    expect(writes).toEqual([['a'], ['b', 'c', 'd'], ['e']]);
  });

  it('writes an append that cannot share a transaction alone, and each caller gets its own answer', async () => {
    const { queue, writes, release } = recordingQueue((r) => !r.startsWith('keyed'));
    const answers = ['a', 'b', 'keyed', 'bad', 'c'].map((r) =>
      queue.submit(r).catch((e: Error) => e.message),
    );
    for (let i = 0; i < 5; i++) {
      await tick();
      release();
    }
    expect(await Promise.all(answers)).toEqual(['a:ok', 'b:ok', 'keyed:ok', 'bad:grouped', 'c:grouped']);
    expect(writes).toEqual([['a'], ['b'], ['keyed'], ['bad', 'c']]);
  });

  it('fails every caller of a group that could not start', async () => {
    const queue = new AppendQueue<string, string>({
      alone: async (r) => r,
      group: () => Promise.reject(new Error('no connection')),
      groupable: () => true,
      maxGroup: 10,
    });
    const first = queue.submit('a');
    const rest = ['b', 'c'].map((r) => queue.submit(r).catch((e: Error) => e.message));
    expect(await first).toBe('a');
    expect(await Promise.all(rest)).toEqual(['no connection', 'no connection']);
  });
});

import { correctSomething } from '../actions/corrections';
import { appointSecretary } from '../actions/members';
import { Life, holdsPost } from '../life';

/** ORG-4: the cell elects a secretary among its official members (and the post goes on the file). */
export function newSecretary(life: Life, cellId: string, on: string): void {
  life.late(on, () => {
    if (!life.world.isActive(cellId, on)) return;
    const free = life.free(on);
    const member = life.pick([cellId], (m) => free(m) && m.state.status === 'official' && !holdsPost(m));
    if (member) appointSecretary(life.world, cellId, member, 'Bí thư chi bộ', on);
  });
}

/** A record of a tracked member found wrong and corrected (correctRecord). */
export function correction(life: Life, on: string): void {
  life.at(on, on, () => {
    for (let attempt = 0; attempt < 5 && life.tracked.length > 0; attempt++) {
      const member = life.world.member(life.random.pick(life.tracked));
      if (correctSomething(life.world, member)) return;
    }
  });
}

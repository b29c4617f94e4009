// The LLM planner's read of workrooms: the overview, and one workroom's newest runs and files
// when it names one (by its name, any case, or its id).
import type { WorkspaceScope } from '../../store/store.ts';
import { findWorkroom } from '../../store/workroom-repository.ts';
import { readWorkroomOverview, readWorkroomRecent } from '../workroom-overview.ts';

export async function readWorkrooms(scope: WorkspaceScope, workroom: string | undefined, now: Date) {
  const overview = await readWorkroomOverview(scope, now);
  if (workroom === undefined) return overview;
  const found = await findWorkroom(scope, workroom);
  if (!found) {
    return {
      error: `There is no workroom "${workroom}" in this workspace. The workrooms are: ${overview.workrooms.map((room) => room.name).join(', ') || 'none yet'}.`,
    };
  }
  return {
    workroom: overview.workrooms.find((room) => room.id === found.id),
    recent: await readWorkroomRecent(scope, found.id),
  };
}

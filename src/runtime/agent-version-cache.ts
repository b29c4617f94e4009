// The specs of agent versions a worker has read, kept in memory: a version never changes once
// written (a change makes a new one), so every claim of a run of the same version read the same
// row again, a statement per run. The key holds the workspace, so a spec is only ever handed to
// a run of the workspace it was read in; a version deleted with its agent takes its runs with it
// (they cascade), so no run is left to be given a cached spec of a deleted agent.
import type { AgentSpec } from '../domain/agent-spec.ts';
import { findAgentVersion } from '../store/agent-repository.ts';
import type { WorkspaceScope } from '../store/store.ts';

/** About a few hundred kilobytes of specs: enough for every agent a busy worker runs. */
const defaultCapacity = 500;

export class AgentVersionCache {
  readonly #specs = new Map<string, AgentSpec>();
  readonly #capacity: number;

  constructor(capacity = defaultCapacity) {
    this.#capacity = capacity;
  }

  /** The version's spec (a copy the caller may change), or undefined when it does not exist. */
  async spec(scope: WorkspaceScope, agentId: string, version: number): Promise<AgentSpec | undefined> {
    const key = `${scope.workspaceId}/${agentId}/${version}`;
    let spec = this.#specs.get(key);
    if (spec) {
      // Most recently used last: the first key is the one to drop when full.
      this.#specs.delete(key);
    } else {
      spec = (await findAgentVersion(scope, agentId, version))?.spec;
      if (!spec) return undefined;
      if (this.#specs.size >= this.#capacity) {
        const oldest = this.#specs.keys().next();
        if (!oldest.done) this.#specs.delete(oldest.value);
      }
    }
    this.#specs.set(key, spec);
    return structuredClone(spec);
  }
}

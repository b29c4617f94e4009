// An agent's style memory: its profile and samples, under the agent's key so that whatever
// refreshes the agent refreshes them too, and the calls that change them.
import { useQuery } from '@tanstack/react-query';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { queryKeys } from '../shared/query-keys.ts';

export type Style = Schemas['Style'];
export type StyleSample = Schemas['StyleSample'];
export type StyleEdit = Schemas['StyleEdit'];

export const styleKey = (ws: string, agentId: string) => [...queryKeys.agent(ws, agentId), 'style'] as const;
const samplesKey = (ws: string, agentId: string) => [...styleKey(ws, agentId), 'samples'] as const;

const path = (ws: string, agentId: string) => ({ params: { path: { ws, agentId } } });

export function useStyle(ws: string, agentId: string) {
  return useQuery({
    queryKey: styleKey(ws, agentId),
    queryFn: () => unwrap(client.GET('/api/workspaces/{ws}/agents/{agentId}/style', path(ws, agentId))),
  });
}

export function useStyleSamples(ws: string, agentId: string) {
  return useQuery({
    queryKey: samplesKey(ws, agentId),
    queryFn: () =>
      unwrap(client.GET('/api/workspaces/{ws}/agents/{agentId}/style/samples', path(ws, agentId))),
  });
}

export const styleActions = {
  addSample: (ws: string, agentId: string, sample: { text: string; name?: string }) =>
    unwrap(
      client.POST('/api/workspaces/{ws}/agents/{agentId}/style/samples', {
        ...path(ws, agentId),
        body: { text: sample.text, source: 'upload', name: sample.name },
      }),
    ),
  removeSample: (ws: string, agentId: string, sampleId: string) =>
    unwrap(
      client.DELETE('/api/workspaces/{ws}/agents/{agentId}/style/samples/{sampleId}', {
        params: { path: { ws, agentId, sampleId } },
      }),
    ),
  edit: (ws: string, agentId: string, edit: StyleEdit) =>
    unwrap(client.PATCH('/api/workspaces/{ws}/agents/{agentId}/style', { ...path(ws, agentId), body: edit })),
  derive: (ws: string, agentId: string) =>
    unwrap(client.POST('/api/workspaces/{ws}/agents/{agentId}/style/profile/derive', path(ws, agentId))),
  sampleFromFile: (ws: string, fileId: string, agentId: string) =>
    unwrap(
      client.POST('/api/workspaces/{ws}/deliverables/{fileId}/style-sample', {
        params: { path: { ws, fileId } },
        body: { agentId },
      }),
    ),
};

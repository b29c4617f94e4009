// The export profile's data: how branded PDF and HTML exports look, and the calls that change it.
// The letterhead is sent as the image's own bytes (not JSON), as the API asks.
import { useQuery } from '@tanstack/react-query';
import { client, type Schemas, unwrap } from '../api/client.ts';
import { queryKeys } from '../shared/query-keys.ts';

export type ExportProfile = Schemas['ExportProfile'];
export type ExportProfileChanges = Schemas['ExportProfileSettings'];

export function useExportProfile(ws: string) {
  return useQuery({
    queryKey: queryKeys.exportProfile(ws),
    queryFn: ({ signal }) =>
      unwrap(client.GET('/api/workspaces/{ws}/export-profile', { params: { path: { ws } }, signal })),
  });
}

export const exportProfileActions = {
  save: (ws: string, changes: ExportProfileChanges) =>
    unwrap(client.PUT('/api/workspaces/{ws}/export-profile', { params: { path: { ws } }, body: changes })),
  setLetterhead: (ws: string, image: File) =>
    unwrap(
      client.PUT('/api/workspaces/{ws}/export-profile/letterhead', {
        params: { path: { ws } },
        // The route reads the raw body; the typed client would otherwise send it as JSON.
        body: image as never,
        bodySerializer: (body: unknown) => body as Blob,
        headers: { 'content-type': image.type || 'application/octet-stream' },
      }),
    ),
  removeLetterhead: (ws: string) =>
    unwrap(client.DELETE('/api/workspaces/{ws}/export-profile/letterhead', { params: { path: { ws } } })),
};

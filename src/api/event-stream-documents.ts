// How the event streams look in the OpenAPI document. OpenAPI 3.1 has no schema for one
// server-sent event, so the stream is a string described event by event, with an example; each
// event's `data` is one line of JSON.

/** A `text/event-stream` answer: `events` names each event and what its JSON `data` holds. */
export function eventStreamContent(events: Record<string, string>, example: string) {
  const list = Object.entries(events)
    .map(([name, data]) => `\`${name}\`: ${data}`)
    .join('; ');
  return {
    'text/event-stream': {
      schema: {
        type: 'string' as const,
        description: `Server-sent events, each with an \`event\` name and one line of JSON \`data\`. ${list}.`,
      },
      example,
    },
  };
}

const runEventData =
  '{ id, kind, at, … } where id is the stream position (also the SSE id: resume with ?after= or Last-Event-ID)';

/** The events of one run's stream, and (each with its runId) of a workspace's. */
export const runStreamEvents = {
  status: `${runEventData}, status, and error (a RunError) when the run failed`,
  step: `${runEventData}, stepId, status, attempt, and for a failed step willRetry and error (a RunError)`,
  log: `${runEventData}, stepId, level, message, fields`,
  'access-revoked': '{ reason }: the caller lost access; nothing more is sent',
};

export const runStreamExample = [
  'id: 41',
  'event: status',
  'data: {"id":41,"kind":"status","at":"2026-01-05T08:00:00.000Z","status":"running"}',
  '',
  'id: 42',
  'event: step',
  'data: {"id":42,"kind":"step","at":"2026-01-05T08:00:01.000Z","stepId":"fetch","status":"succeeded"}',
  '',
  'event: end',
  'data: {"status":"succeeded"}',
  '',
].join('\n');

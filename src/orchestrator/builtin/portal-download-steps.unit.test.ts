import { describe, expect, it } from 'vitest';
import { toolContext } from '../../../test/support/tool-context.ts';
import { renderTemplate } from '../../runtime/template-evaluator.ts';
import type { MemoryEntry } from '../../runtime/tool-services.ts';
import { memoryReadTool } from '../../runtime/tools/memory-read.ts';
import { transformTool } from '../../runtime/tools/transform.ts';
import { portalDownloadOutput, portalDownloadSteps } from './portal-download-steps.ts';

type Step = ReturnType<typeof portalDownloadSteps>[number];
const stepNamed = (steps: Step[], id: string) => steps.find((step) => step.id === id) as Step;

/** An agent memory kept in a map, as the memory service keeps it in the database. */
function memoryOf(entries: Map<string, unknown>) {
  return {
    read: async (_scope: string, key: string) =>
      entries.has(key) ? ({ key, value: entries.get(key) } as unknown as MemoryEntry) : undefined,
  };
}

const listing = {
  records: [
    { number: 'S-001', href: 'https://p.example/download?id=1&session=a' },
    { number: 'S-002', href: 'https://p.example/download?id=2&session=a' },
    { number: 'S-001', href: 'https://p.example/download?id=1&session=a' },
    { number: 'S-009', href: null },
    { number: 'S-003', href: '' },
  ],
};

/** One run of the portal agent's last steps, with the downloads answering `identityOf`. */
async function runSteps(
  steps: Step[],
  memory: Map<string, unknown>,
  identityOf: (record: { number: string; href: string }) => string,
) {
  const services = { memory: memoryOf(memory) } as never;
  const known = stepNamed(steps, 'known');
  const knownOutput = await memoryReadTool.run(
    memoryReadTool.input.parse(known.with),
    toolContext({ services }),
  );
  const data: Record<string, unknown> = { steps: { listing, known: knownOutput } };
  const fresh = stepNamed(steps, 'fresh');
  const freshOutput = await transformTool.run(
    transformTool.input.parse(await renderTemplate(fresh.with, data, 'fresh')),
    toolContext({ runData: data }),
  );
  const files = (freshOutput.value ?? []) as { number: string; href: string }[];
  const knownList = (knownOutput.value ?? []) as string[];
  const download = files.map((file) => {
    const identity = identityOf(file);
    return { identity, skipped: knownList.includes(identity), name: `${file.number}.pdf` };
  });
  (data.steps as Record<string, unknown>).fresh = freshOutput;
  (data.steps as Record<string, unknown>).download = download;
  const remember = (await renderTemplate(stepNamed(steps, 'remember').with, data, 'remember')) as {
    value: unknown[];
  };
  memory.set('downloaded', remember.value);
  return {
    files,
    remembered: remember.value,
    output: await renderTemplate(portalDownloadOutput, data, 'output'),
  };
}

describe('the portal agent’s last steps', () => {
  it('remember no null on a first run, and each link once', async () => {
    const memory = new Map<string, unknown>();
    const steps = portalDownloadSteps();
    const first = await runSteps(steps, memory, (file) => `name+size:${file.number}:10`);
    // The file listed twice is downloaded once; rows without a link are passed over.
    expect(first.files.map((file) => file.number)).toEqual(['S-001', 'S-002']);
    expect(first.remembered).toEqual(['name+size:S-001:10', 'name+size:S-002:10']);
    expect(first.output).toEqual({ count: 2, downloaded: ['S-001.pdf', 'S-002.pdf'] });

    // Nothing new: the list stays as it was, still without null.
    const second = await runSteps(steps, memory, (file) => `name+size:${file.number}:10`);
    expect(second.remembered).toEqual(['name+size:S-001:10', 'name+size:S-002:10']);
    expect(second.output).toEqual({ count: 0, downloaded: [] });
  });

  it('keeps null and other non-identities out even of a list an older agent wrote with them', async () => {
    const memory = new Map<string, unknown>([['downloaded', [null, 'https://p.example/old.pdf', 7]]]);
    const { remembered } = await runSteps(portalDownloadSteps(), memory, (file) => file.href);
    expect(remembered).not.toContain(null);
    expect(remembered).toEqual([
      'https://p.example/old.pdf',
      'https://p.example/download?id=1&session=a',
      'https://p.example/download?id=2&session=a',
    ]);
  });

  it('by a listing field: a known number is left out before any download', async () => {
    const memory = new Map<string, unknown>([['downloaded', ['S-001']]]);
    const steps = portalDownloadSteps('number');
    expect(stepNamed(steps, 'download').with).toMatchObject({ identity: '{{ file.`number` }}' });
    const { files, remembered } = await runSteps(steps, memory, (file) => file.number);
    expect(files.map((file) => file.number)).toEqual(['S-002']);
    expect(remembered).toEqual(['S-001', 'S-002']);
  });

  it('memory.read answers its default, not null, for a key never written', async () => {
    const services = { memory: memoryOf(new Map()) } as never;
    const read = (input: unknown) =>
      memoryReadTool.run(memoryReadTool.input.parse(input), toolContext({ services }));
    expect(await read({ key: 'downloaded', scope: 'agent', default: [] })).toEqual({
      found: false,
      entry: null,
      value: [],
    });
    expect((await read({ key: 'downloaded', scope: 'agent' })).value).toBeNull();
  });
});

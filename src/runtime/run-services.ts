// The services tools use during a run, bound to the run's workspace, run and agent. Each call is
// its own short transaction: a tool never holds one open across its own work.

import type { BrowserPool } from '../browser/browser-pool.ts';
import { OrcaError } from '../domain/errors.ts';
import { searchableText } from '../domain/memory.ts';
import { loadBrandProfile } from '../export/brand-profile.ts';
import { isPdf, savedPdfContent, wantsPdf } from '../export/saved-pdf.ts';
import type { FileStore } from '../files/file-store.ts';
import type { OutboundPolicy } from '../network/outbound-policy.ts';
import {
  type DeliverableRecord,
  findDeliverable,
  findDeliverableByName,
  insertDeliverable,
} from '../store/deliverable-repository.ts';
import {
  findMemoryEntry,
  listMemoryEntries,
  type MemoryOwner,
  type MemoryRecord,
  searchMemoryEntries,
  upsertMemoryEntry,
} from '../store/memory-repository.ts';
import type { Store } from '../store/store.ts';
import { loadLearnedStyle } from '../style/learned-style.ts';
import { credentialFor, loginFor } from '../vault/credentials.ts';
import { recordSignInOutcome } from '../vault/sign-in-outcome.ts';
import type { Vault } from '../vault/vault.ts';
import { webhookSigningSecret } from '../vault/webhook-signing-secret.ts';
import { SecretRedactor } from './secret-redactor.ts';
import { storable } from './storable.ts';
import { ToolError } from './tool-error.ts';
import type {
  FileService,
  LanguageModelService,
  MailService,
  MemoryEntry,
  MemoryScope,
  MemoryService,
  StoredFile,
  ToolServices,
} from './tool-services.ts';

export interface PlatformServices {
  store: Store;
  vault: Vault;
  browsers: BrowserPool;
  /** The outbound policy, which browser navigation follows too. */
  network: OutboundPolicy;
  files: FileStore;
  mail: MailService;
  llm: LanguageModelService | undefined;
}

export interface RunFacts {
  workspaceId: string;
  runId: string;
  agentId: string;
}

export function memoryEntryView(record: MemoryRecord): MemoryEntry {
  return {
    id: record.id,
    scope: record.agentId === null ? 'workspace' : 'agent',
    key: record.key,
    value: record.value,
    text: record.text,
    tags: record.tags,
    sourceRunId: record.sourceRunId,
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function storedFileView(record: DeliverableRecord): StoredFile {
  return {
    id: record.id,
    name: record.name,
    contentType: record.contentType,
    sizeBytes: record.sizeBytes,
    sha256: record.sha256,
    runId: record.runId,
    createdAt: record.createdAt.toISOString(),
  };
}

function memoryService(platform: PlatformServices, run: RunFacts, secrets: SecretRedactor): MemoryService {
  const owner = (scope: MemoryScope): MemoryOwner => ({ agentId: scope === 'agent' ? run.agentId : null });
  const inWorkspace = <T>(work: Parameters<Store['inWorkspace']>[1]) =>
    platform.store.inWorkspace(run.workspaceId, work) as Promise<T>;
  return {
    write: async (entry) =>
      memoryEntryView(
        await inWorkspace<MemoryRecord>((scope) =>
          upsertMemoryEntry(scope, owner(entry.scope), {
            key: storable(secrets.redactText(entry.key)),
            value: storable(secrets.redact(entry.value)),
            text: storable(secrets.redactText(entry.text ?? searchableText(entry.value))),
            tags: entry.tags ?? [],
            sourceRunId: run.runId,
          }),
        ),
      ),
    read: async (scope, key) => {
      const record = await inWorkspace<MemoryRecord | undefined>((transaction) =>
        findMemoryEntry(transaction, owner(scope), key),
      );
      return record && memoryEntryView(record);
    },
    search: async (query) => {
      const found = await inWorkspace<(MemoryRecord & { rank: number })[]>((scope) =>
        searchMemoryEntries(scope, owner(query.scope), query),
      );
      return found.map((record) => ({ ...memoryEntryView(record), rank: record.rank }));
    },
    list: async (query) => {
      const found = await inWorkspace<MemoryRecord[]>((scope) =>
        listMemoryEntries(scope, owner(query.scope), query),
      );
      return found.map(memoryEntryView);
    },
  };
}

function fileService(platform: PlatformServices, run: RunFacts, secrets: SecretRedactor): FileService {
  return {
    async save(file) {
      let content = secrets.redactBytes(file.content);
      // A .pdf of text is laid out as a branded PDF rather than kept as text labelled PDF.
      if (wantsPdf(file) && !isPdf(content)) {
        const profile = await platform.store.inWorkspace(run.workspaceId, loadBrandProfile);
        content = await savedPdfContent({ name: file.name, content }, profile).catch((error: unknown) => {
          throw error instanceof OrcaError ? new ToolError('invalid_input', error.message) : error;
        });
      }
      const written = await platform.files.write(run.workspaceId, content);
      const { record, created } = await platform.store.inWorkspace(run.workspaceId, (scope) =>
        insertDeliverable(scope, {
          runId: run.runId,
          agentId: run.agentId,
          // A download's name and type are the server's to choose, so they may reflect a secret too.
          name: secrets.redactText(file.name),
          contentType: secrets.redactText(file.contentType),
          sizeBytes: written.sizeBytes,
          sha256: written.sha256,
          storageKey: written.storageKey,
          saveKey: file.key,
        }),
      );
      // A replayed save: the first copy is the deliverable, this one is not needed.
      if (!created) await platform.files.remove(written.storageKey);
      return storedFileView(record);
    },
    async read(reference) {
      const record = await platform.store.inWorkspace(run.workspaceId, (scope) =>
        reference.id
          ? findDeliverable(scope, reference.id)
          : findDeliverableByName(scope, reference.name ?? ''),
      );
      if (!record) return undefined;
      try {
        return { file: storedFileView(record), content: await platform.files.read(record.storageKey) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new OrcaError(
            'not_found',
            `The content of the file "${record.name}" is missing from the file store.`,
          );
        }
        throw error;
      }
    },
  };
}

/**
 * Everything but the agent caller, which the executor adds (it runs the called agent). `secrets`
 * collects every secret the run's tools are given, and memory and files are redacted with it.
 */
export function runServices(
  platform: PlatformServices,
  run: RunFacts,
  secrets: SecretRedactor = new SecretRedactor(),
): Omit<ToolServices, 'agents'> {
  const vault = { ...platform, secretsInUse: secrets };
  return {
    memory: memoryService(platform, run, secrets),
    files: fileService(platform, run, secrets),
    mail: platform.mail,
    llm: platform.llm,
    webhookSigningSecret: () =>
      platform.store.inWorkspace(run.workspaceId, (scope) => webhookSigningSecret(platform.vault, scope)),
    connections: {
      credential: (reference, use) =>
        credentialFor(vault, {
          workspaceId: run.workspaceId,
          runId: run.runId,
          stepId: use.stepId,
          reference,
        }),
      login: (reference, use) =>
        loginFor(vault, { workspaceId: run.workspaceId, runId: run.runId, stepId: use.stepId, reference }),
      recordSignIn: (reference, outcome, use) =>
        recordSignInOutcome(
          platform.store,
          { workspaceId: run.workspaceId, runId: run.runId, stepId: use.stepId, reference },
          { status: outcome.status, message: secrets.redactText(outcome.message) },
        ),
    },
    browser: { session: () => platform.browsers.session(run.runId, platform.network) },
    style: {
      learned: () =>
        platform.store.inWorkspace(run.workspaceId, (scope) => loadLearnedStyle(scope, run.agentId)),
    },
  };
}

// `orca hooks list | create`: the inbound hooks of an agent. A new hook's address and signing
// secret are printed once, as the API gives them once: they are the caller's to keep.
import { agentId } from './agent-lookup.ts';
import { callApi, workspacePath } from './api-client.ts';
import type { WorkspaceSettings } from './client-settings.ts';
import { oneWord, type ParsedCommand, textOption, wholeNumberOption } from './command-line.ts';
import { UsageError } from './exit-codes.ts';
import type { Output } from './output.ts';
import { workspaceSubcommands } from './workspace-subcommands.ts';

interface Hook {
  id: string;
  name: string;
  tokenPrefix: string;
  signed: boolean;
  respond: string;
  ratePerMinute: number;
  enabled: boolean;
  lastUsedAt: string | null;
  url?: string;
  signingSecret?: string;
  signatureScheme?: string;
}

const hooksPath = (settings: WorkspaceSettings, agent: string) =>
  `${workspacePath(settings.workspace)}/agents/${encodeURIComponent(agent)}/hooks`;

async function list(command: ParsedCommand, settings: WorkspaceSettings, output: Output) {
  const agent = await agentId(settings, oneWord(command, 'the agent whose hooks to list (id or name)'));
  const page = await callApi<{ items: Hook[]; nextCursor: string | null }>(
    settings,
    'GET',
    hooksPath(settings, agent),
  );
  output.result(page);
  if (page.items.length === 0) {
    output.line('No hooks. Make one: orca hooks create <agent>');
    return;
  }
  const rows = page.items.map((hook) => [
    hook.name || '(unnamed)',
    `${hook.tokenPrefix}…`,
    hook.enabled ? 'enabled' : 'disabled',
    hook.signed ? 'signed' : 'unsigned',
    hook.respond,
    hook.lastUsedAt ? hook.lastUsedAt.slice(0, 19).replace('T', ' ') : 'never',
    hook.id,
  ]);
  output.table(['NAME', 'ADDRESS', 'STATE', 'SIGNING', 'RESPOND', 'LAST USED', 'ID'], rows);
}

async function create(command: ParsedCommand, settings: WorkspaceSettings, output: Output) {
  const agent = await agentId(settings, oneWord(command, 'the agent the hook starts (id or name)'));
  const respond = textOption(command.values, 'respond');
  if (respond !== undefined && respond !== 'accepted' && respond !== 'result') {
    throw new UsageError(`--respond must be accepted or result, not "${respond}".`);
  }
  const body = {
    name: textOption(command.values, 'name'),
    mapping: textOption(command.values, 'mapping'),
    respond,
    signed: command.values.signed === true ? true : undefined,
    // The server holds the real bounds (and says them); this only catches what is no number.
    ratePerMinute: wholeNumberOption(command.values, 'rate-per-minute', 1, Number.MAX_SAFE_INTEGER),
  };
  const hook = await callApi<Hook>(settings, 'POST', hooksPath(settings, agent), { body });
  output.result(hook);
  output.line(`Made the hook "${hook.name || '(unnamed)'}" (${hook.id}). Its address, shown only now:`);
  output.line(`  ${hook.url}`);
  if (hook.signingSecret) {
    output.line(`Signing secret, shown only now: ${hook.signingSecret}`);
    if (hook.signatureScheme) output.line(`Sign each call: ${hook.signatureScheme}`);
  }
}

export const run = workspaceSubcommands({ list, create });

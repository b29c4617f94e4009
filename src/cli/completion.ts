// `orca completion bash|zsh`: a completion script made from the command table, so it always
// offers the commands and options this `orca` has. zsh runs the bash script through bashcompinit,
// which every zsh ships.

import type { ParsedCommand } from './command-line.ts';
import { type CommandSpec, commands, type OptionSpec } from './commands.mjs';
import { UsageError } from './exit-codes.ts';

const flags = (options: Record<string, OptionSpec>) => Object.keys(options).map((name) => `--${name}`);

function caseFor(name: string, spec: CommandSpec): string[] {
  const lines = [`    ${name})`];
  if (!spec.subcommands) {
    lines.push(`      words="${flags(spec.options).join(' ')}" ;;`);
    return lines;
  }
  lines.push(
    '      if [ "$COMP_CWORD" -eq 2 ]; then',
    `        words="${Object.keys(spec.subcommands).join(' ')}"`,
    '      else',
    `        case "\${COMP_WORDS[2]}" in`,
  );
  for (const [subcommand, subspec] of Object.entries(spec.subcommands)) {
    lines.push(
      `          ${subcommand}) words="${flags({ ...(subspec.options ?? {}), ...spec.options }).join(' ')}" ;;`,
    );
  }
  lines.push(`          *) words="${flags(spec.options).join(' ')}" ;;`, '        esac', '      fi ;;');
  return lines;
}

export function bashScript(): string {
  const lines = [
    '# orca completion for bash: source <(orca completion bash), or save it in',
    '# ~/.local/share/bash-completion/completions/orca',
    '_orca() {',
    `  local current="\${COMP_WORDS[COMP_CWORD]}"`,
    '  local words',
    '  if [ "$COMP_CWORD" -eq 1 ]; then',
    `    words="${Object.keys(commands).join(' ')} --help --version"`,
    '  else',
    `    case "\${COMP_WORDS[1]}" in`,
  ];
  for (const [name, spec] of Object.entries(commands)) lines.push(...caseFor(name, spec));
  lines.push(
    '      *) words="" ;;',
    '    esac',
    '  fi',
    '  COMPREPLY=($(compgen -W "$words" -- "$current"))',
    '}',
    // -o default: a word that is no command or option (a file, a run id) falls back to file names.
    'complete -o default -F _orca orca',
  );
  return `${lines.join('\n')}\n`;
}

export function zshScript(): string {
  return [
    '# orca completion for zsh: source <(orca completion zsh), or add that line to ~/.zshrc',
    'autoload -U +X compinit && compinit',
    'autoload -U +X bashcompinit && bashcompinit',
    bashScript(),
  ].join('\n');
}

export async function run(command: ParsedCommand): Promise<void> {
  const [shell, ...extra] = command.positionals;
  if (extra.length > 0 || (shell !== 'bash' && shell !== 'zsh')) {
    throw new UsageError('Say which shell: orca completion bash, or orca completion zsh.');
  }
  process.stdout.write(shell === 'bash' ? bashScript() : zshScript());
}

// `orca completion bash|zsh`: a completion script made from the command table, so it always
// offers the commands, subcommands, options, closed sets of values and words this `orca` has.
// zsh runs the bash script through bashcompinit, which every zsh ships.

import type { ParsedCommand } from './command-line.ts';
import { type CommandSpec, commands, type OptionSpec } from './commands.mjs';
import { UsageError } from './exit-codes.ts';
import { outputFor } from './output.ts';

/**
 * A `case` on the word before the cursor: after an option that takes a value, its choices (or
 * nothing, so that the shell completes a file name); otherwise the options and `words`.
 */
function choicesFor(options: Record<string, OptionSpec>, words: string[], indent: string): string[] {
  const lines = [`${indent}case "$previous" in`];
  const valued = Object.entries(options).filter(([, spec]) => spec.type === 'string');
  for (const [name, spec] of valued.filter(([, spec]) => spec.choices)) {
    lines.push(`${indent}  --${name}) words="${spec.choices?.join(' ')}" ;;`);
  }
  const open = valued.filter(([, spec]) => !spec.choices).map(([name]) => `--${name}`);
  if (open.length > 0) lines.push(`${indent}  ${open.join('|')}) words="" ;;`);
  const flags = Object.keys(options).map((name) => `--${name}`);
  lines.push(`${indent}  *) words="${[...words, ...flags].join(' ')}" ;;`, `${indent}esac`);
  return lines;
}

function caseFor(name: string, spec: CommandSpec): string[] {
  const lines = [`    ${name})`];
  if (!spec.subcommands) {
    lines.push(...choicesFor(spec.options, spec.words ?? [], '      '), '      ;;');
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
      `          ${subcommand})`,
      ...choicesFor({ ...(subspec.options ?? {}), ...spec.options }, [], '            '),
      '            ;;',
    );
  }
  lines.push(`          *) words="" ;;`, '        esac', '      fi ;;');
  return lines;
}

export function bashScript(): string {
  const lines = [
    '# orca completion for bash: source <(orca completion bash), or save it in',
    '# ~/.local/share/bash-completion/completions/orca',
    '_orca() {',
    `  local current="\${COMP_WORDS[COMP_CWORD]}"`,
    `  local previous="\${COMP_WORDS[COMP_CWORD-1]}"`,
    '  local words',
    '  if [ "$COMP_CWORD" -eq 1 ]; then',
    `    words="${Object.keys(commands).join(' ')} help --help --version"`,
    '  else',
    `    case "\${COMP_WORDS[1]}" in`,
  ];
  for (const [name, spec] of Object.entries(commands)) lines.push(...caseFor(name, spec));
  lines.push(
    `      help) words="${Object.keys(commands).join(' ')}" ;;`,
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
  const script = shell === 'bash' ? bashScript() : zshScript();
  const output = outputFor(command.values.json === true);
  output.result({ shell, script });
  if (!output.json) process.stdout.write(script);
}

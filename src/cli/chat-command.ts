// `orca chat` on the command line: checks what it was told, then talks to the Orchestrator.
import { chat } from './chat.ts';
import { workspaceSettings } from './client-settings.ts';
import { type ParsedCommand, textOption } from './command-line.ts';
import { UsageError } from './exit-codes.ts';
import { outputFor } from './output.ts';
import { ask, interactive } from './prompt.ts';

export async function run(command: ParsedCommand): Promise<void> {
  const { values } = command;
  const text = command.positionals.join(' ').trim();
  if (!text) {
    throw new UsageError(
      'Say what you want, in quotes: orca chat "pause the lead scraper" --workspace <slug>.',
    );
  }
  if (values.yes && values.no) throw new UsageError('Give --yes or --no, not both.');
  const approve = values.yes ? true : values.no ? false : undefined;
  // Checked before the message is sent: afterwards a plan would be left waiting for an answer
  // that no one can give.
  if (approve === undefined && !interactive()) {
    throw new UsageError(
      'orca chat asks whether to apply a plan, and there is no terminal to ask at. From a script, pass --yes to apply what it plans or --no to only show it.',
    );
  }
  const output = outputFor(values.json === true);
  const outcome = await chat({
    settings: await workspaceSettings(values),
    text,
    conversationId: textOption(values, 'conversation'),
    approve,
    ask: (question) => ask(question),
    write: output.line,
  });
  output.result(outcome);
}

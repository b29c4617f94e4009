// Lists a page at a time, as the API answers them: --limit and --cursor pass through, and the
// human output ends with the command that shows the next page.
import { type OptionValues, type ParsedCommand, textOption, wholeNumberOption } from './command-line.ts';
import type { Output } from './output.ts';

/** `?limit=…&cursor=…` plus the filters named in `filters` (option → query parameter) and `extra`. */
export function listQuery(
  values: OptionValues,
  filters: Record<string, string>,
  extra: Record<string, string> = {},
): string {
  const query = new URLSearchParams(extra);
  const limit = wholeNumberOption(values, 'limit', 1, 200);
  if (limit !== undefined) query.set('limit', String(limit));
  const cursor = textOption(values, 'cursor');
  if (cursor !== undefined) query.set('cursor', cursor);
  for (const [option, parameter] of Object.entries(filters)) {
    const value = textOption(values, option);
    if (value !== undefined) query.set(parameter, value);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

export function morePages(command: ParsedCommand, nextCursor: string | null, output: Output) {
  if (nextCursor) output.line(`More: orca ${command.name} ${command.subcommand} --cursor ${nextCursor}`);
}

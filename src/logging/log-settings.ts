// The two settings of logging (ORCA_LOG_LEVEL, ORCA_LOG_FORMAT) and the format each command uses
// when none is set: a person running `orca start` in a terminal reads text; anything else (a
// service manager, a container, `orca serve` and `orca worker`) gets JSON lines for a collector.

export const logLevels = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export const logFormats = ['json', 'pretty'] as const;
export type LogFormat = (typeof logFormats)[number];

export function defaultLogFormat(command: string, terminal: boolean): LogFormat {
  return command === 'start' && terminal ? 'pretty' : 'json';
}

/**
 * The few messages the benchmark's parent and its two server children (the app, the floor)
 * exchange over the IPC channel of child_process.spawn.
 */

export interface ReadyMessage {
  type: 'ready';
  port: number;
  info: Record<string, string | number>;
}

export interface FailedMessage {
  type: 'failed';
  message: string;
}

export interface StatsRequest {
  type: 'stats';
  id: number;
}

/** Counters of the server process since it started. */
export interface ServerStats {
  /** HTTP requests received. */
  requests: number;
  /** Calls of pg.Client#query: database round trips, BEGIN/COMMIT included. */
  queries: number;
  /** process.cpuUsage() of the server process, microseconds. */
  cpuUserUs: number;
  cpuSystemUs: number;
}

export interface StatsReply extends ServerStats {
  type: 'stats';
  id: number;
}

export type ChildMessage = ReadyMessage | FailedMessage | StatsReply;

export function isChildMessage(m: unknown): m is ChildMessage {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string';
}

export function isStatsRequest(m: unknown): m is StatsRequest {
  return isChildMessage(m) && m.type === 'stats' && typeof (m as { id?: unknown }).id === 'number';
}

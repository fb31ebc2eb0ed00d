/** What hh.ru and api.hh.ru received, for tests to read back ("hh.ru got exactly one application"). */

export interface LogEntry {
  /** Sandbox clock, ms. */
  t: number;
  host: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lowercased names. */
  headers: Record<string, string>;
  /** Text, capped at 64 KB. */
  body: string;
  /** null while unanswered; 0 when the socket was dropped without an answer. */
  status: number | null;
}

export interface LogFilter {
  host?: string;
  path?: string;
  method?: string;
}

export const LOG_BODY_CAP = 64 * 1024;

export function createLog() {
  let entries: LogEntry[] = [];
  return {
    add(entry: LogEntry): LogEntry {
      entries.push(entry);
      return entry;
    },
    /** `path` matches as a prefix; host and method exactly (method case-insensitive). */
    read(filter: LogFilter = {}): LogEntry[] {
      return entries.filter(
        (e) =>
          (!filter.host || e.host === filter.host.toLowerCase()) &&
          (!filter.path || e.path.startsWith(filter.path)) &&
          (!filter.method || e.method === filter.method.toUpperCase()),
      );
    },
    clear(): void {
      entries = [];
    },
  };
}

export type RequestLog = ReturnType<typeof createLog>;

/** What the sandbox hh.ru knows (its `/__sandbox/state` dump) and what it received, for the journeys. */
import type { Ff } from './harness';
import type { LogEntry } from '../sandbox-client';

export const HOUR = 3_600_000;
export const ANNA = '73514208';
export const APPLY_PATH = '/applicant/vacancy_response/popup';

export interface SandboxResume {
  id: string;
  hash: string;
  userId: string;
  title: string;
  nextPublishAt: number;
  lastRaisedAt: number | null;
}
interface Dump {
  now: number;
  raises: Array<{ resumeId: string; at: number; via: string }>;
  resumes: SandboxResume[];
  applications: Array<{ vacancyId: string; via: string }>;
  tokens: Array<{ revoked: boolean }>;
}

export const dump = async (ff: Ff) => (await ff.sandbox.state()) as unknown as Dump;

/** Анна's resumes by their site id (1001 ready to raise, 1002 cooling down, 1003 hidden, 1004 blocked). */
export async function annaResumes(ff: Ff): Promise<Record<string, SandboxResume>> {
  const { resumes } = await dump(ff);
  return Object.fromEntries(resumes.filter((r) => r.userId === ANNA).map((r) => [r.id, r]));
}

export const raisesOf = async (ff: Ff, siteId: string) => (await dump(ff)).raises.filter((r) => r.resumeId === siteId);

/** The application POSTs hh.ru received through the site session. */
export const applications = (ff: Ff): Promise<LogEntry[]> => ff.sandbox.log({ host: 'hh.ru', method: 'POST', path: APPLY_PATH });

/** The API speaks ISO times to the second: that is the precision the popup can know. */
export const apiTime = (ms: number) => String(Math.floor(ms / 1000) * 1000);

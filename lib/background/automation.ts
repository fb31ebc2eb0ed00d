/**
 * The one owner of the automation pause: a captcha or a lost sign-in stops automatic work
 * (auto-raise, background refresh) until the person acts. Everything that pauses, resumes or asks
 * goes through here; nothing else writes the pause.
 */
import { ERROR_POLICY } from '../hh/policy';
import type { ErrorInfo } from '../hh/errors';
import { pauseItem, type AutomationPause } from '../store';

export function currentPause(): Promise<AutomationPause | null> {
  return pauseItem.getValue();
}

/** Stops automatic work after an error that calls for the person. True when this error started the pause. */
export async function pauseAutomation(reason: ErrorInfo): Promise<boolean> {
  if (!ERROR_POLICY[reason.kind].stopsAutomation) return false;
  const current = await pauseItem.getValue();
  if (current?.reason.kind === reason.kind) return false;
  await pauseItem.setValue({ reason, at: Date.now() });
  return true;
}

/** The person solved the captcha or signed in again and said so. */
export async function clearPause(): Promise<void> {
  await pauseItem.setValue(null);
}

/**
 * hh.ru answered as the signed-in person again: a pause for a lost sign-in is over. A captcha
 * pause is not: reads may pass while writes are still refused.
 */
export async function endSignInPause(): Promise<void> {
  const kind = (await pauseItem.getValue())?.reason.kind;
  if (kind && ERROR_POLICY[kind].signedOut) await pauseItem.setValue(null);
}

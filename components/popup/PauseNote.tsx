/** Automatic work stopped (captcha, lost sign-in): why, where to fix it, and the way to go on. */
import { tr } from '../../lib/i18n';
import type { AutomationPause } from '../../lib/store';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { safeUrl } from '../ui/safeUrl';
import { S } from './strings';

interface Props {
  pause: AutomationPause;
  site: string;
  busy: boolean;
  onContinue(): void;
}

export function PauseNote({ pause, site, busy, onContinue }: Props) {
  const captcha = pause.reason.kind === 'captcha';
  // Without hh's own captcha link, hh.ru itself shows the check on the next page opened.
  const solveAt = safeUrl(pause.reason.url) ?? (captcha ? `https://${site}/` : undefined);
  return (
    <ErrorNote error={pause.reason}>
      {solveAt && (
        <a class="ok-btn ok-btn--primary" href={solveAt} target="_blank" rel="noreferrer">
          {tr(S.pausedCaptchaAction, { site })}
        </a>
      )}
      <Button busy={busy} onClick={onContinue} data-testid="pause-continue">
        {tr(captcha ? S.solvedIt : S.resumeAutomation)}
      </Button>
    </ErrorNote>
  );
}

/** One resume's raise timer: when it can be raised, the button, what happened last, and auto-raise. */
import type { Resume } from '../../lib/hh/model';
import { siteNameOf } from '../../lib/hh/sites';
import { tr } from '../../lib/i18n';
import type { RaiseOutcome } from '../../lib/store';
import { Button } from '../ui/Button';
import { Toggle } from '../ui/Toggle';
import { safeUrl } from '../ui/safeUrl';
import { useNow } from '../ui/useNow';
import { countdownText, outcomeText, timerClock } from './format';
import { S } from './strings';

export interface RaiseBlockProps {
  resume: Resume;
  outcome: RaiseOutcome | undefined;
  raising: boolean;
  autoOn: boolean;
  paused: boolean;
  onRaise(): void;
  onAuto(on: boolean): void;
}

export function RaiseBlock({ resume, outcome: last, raising, autoOn, paused, onRaise, onAuto }: RaiseBlockProps) {
  const now = useNow();
  // "Too early, next at 18:02" stops being news at 18:02.
  const outcome = last?.kind === 'too_early' && last.nextAt !== null && last.nextAt <= now ? undefined : last;
  const published = resume.status === 'published';
  const captchaUrl = outcome?.kind === 'failed' && outcome.error.kind === 'captcha' ? safeUrl(outcome.error.url) : undefined;
  return (
    <div class="raise">
      {published ? <Timer resume={resume} now={now} /> : <p class="muted">{tr(S.raiseOnlyPublished)}</p>}
      {published && (resume.canRaise || raising) && (
        <Button variant="primary" busy={raising} onClick={onRaise} data-testid="raise-now">
          {tr(raising ? S.raising : S.raiseNow)}
        </Button>
      )}
      <p
        class={`raise__outcome raise__outcome--${outcome?.kind ?? 'none'}`}
        role="status"
        aria-live="polite"
        data-testid="raise-outcome"
        // When this line goes (see above): the popup's kept first frame (./first-frame.ts) blanks it from then.
        data-until={outcome?.kind === 'too_early' ? (outcome.nextAt ?? undefined) : undefined}
      >
        {outcome && outcomeText(outcome, now)}
        {captchaUrl && (
          <>
            {' '}
            <a class="ok-link" href={captchaUrl} target="_blank" rel="noreferrer">
              {tr(S.pausedCaptchaAction, { site: siteNameOf(captchaUrl) })}
            </a>
          </>
        )}
      </p>
      {published && (
        <Toggle
          checked={autoOn}
          onChange={onAuto}
          testId="auto-raise-toggle"
          hint={tr(!autoOn ? S.autoRaiseOff : paused ? S.autoRaisePaused : S.autoRaiseOn)}
        >
          {tr(S.autoRaise)}
        </Toggle>
      )}
    </div>
  );
}

function Timer({ resume, now }: { resume: Resume; now: number }) {
  const next = resume.nextRaiseAt;
  if (resume.canRaise) return <p class="raise__when raise__when--ready">{tr(S.canRaiseNow)}</p>;
  if (next === null) return <p class="raise__when muted">{tr(S.raiseUnknown)}</p>;
  if (next <= now) {
    return (
      <p class="raise__when" data-testid="raise-countdown" data-next-at={next}>
        {tr(S.raiseChecking)}
      </p>
    );
  }
  // ./first-frame.ts rewords this same markup for a kept first frame: change both together.
  const clock = timerClock(next, now);
  return (
    <p class="raise__when" data-testid="raise-countdown" data-next-at={next}>
      {countdownText(next, now)}{' '}
      <time class="muted" dateTime={new Date(next).toISOString()} title={clock.title}>
        {clock.text}
      </time>
    </p>
  );
}

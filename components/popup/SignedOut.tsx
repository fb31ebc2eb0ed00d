/** Nobody signed in: one clear way in, and where the settings are. */
import { useId } from 'preact/hooks';
import type { ErrorInfo } from '../../lib/hh/errors';
import { tr } from '../../lib/i18n';
import { Button } from '../ui/Button';
import { S } from './strings';

interface Props {
  /** An OAuth app is configured: signing in through hh.ru's consent page is possible. */
  hasApp: boolean;
  problem: ErrorInfo | null;
  site: string;
  busy: boolean;
  onSignIn(): void;
  onOpenSettings(): void;
}

export function SignedOut({ hasApp, problem, site, busy, onSignIn, onOpenSettings }: Props) {
  const titleId = useId();
  // The site Otklik reads from (hh.kz for a person who works there), never a fixed hh.ru.
  const login = `https://${site}/account/login`;
  return (
    <section class="signed-out" aria-labelledby={titleId}>
      <h2 id={titleId}>{tr(S.signedOutTitle)}</h2>
      {problem && <p class="muted">{tr({ ru: problem.ru, en: problem.en })}</p>}
      {hasApp ? (
        <>
          <Button variant="primary" busy={busy} onClick={onSignIn} data-testid="sign-in">
            {tr(S.signInApi, { site })}
          </Button>
          <p class="muted">
            {tr(S.signInSiteHint, { site })}{' '}
            <a class="ok-link" href={login} target="_blank" rel="noreferrer">
              {tr(S.logInOnSite, { site })}
            </a>
          </p>
        </>
      ) : (
        <>
          <p>{tr(S.logInOnSiteHint, { site })}</p>
          <a class="ok-btn ok-btn--primary" href={login} target="_blank" rel="noreferrer" data-testid="sign-in" data-site={site}>
            {tr(S.logInOnSite, { site })}
          </a>
        </>
      )}
      <Button variant="quiet" onClick={onOpenSettings}>
        {tr(S.openSettings)}
      </Button>
    </section>
  );
}

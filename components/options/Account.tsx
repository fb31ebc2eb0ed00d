/** Who is signed in, through what, and the buttons to sign in or out. */
import { useEffect, useState } from 'preact/hooks';
import type { ErrorInfo } from '../../lib/hh/errors';
import type { Status } from '../../lib/messages';
import { lang, tr } from '../../lib/i18n';
import { DEFAULT_SITE } from '../../lib/site';
import { errorInfoOf, type OptionsApi } from './api';
import { S } from './strings';

type View =
  | { kind: 'loading' }
  | { kind: 'ready'; status: Status; error: ErrorInfo | null; note: string | null }
  | { kind: 'busy'; status: Status | null; action: 'signIn' | 'signOut' };

/** `reload` changes when the app settings change, so the account line follows them. */
export function Account({ api, reload }: { api: OptionsApi; reload: number }) {
  const [view, setView] = useState<View>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    api.status().then(
      (status) => live && setView({ kind: 'ready', status, error: null, note: null }),
      (e: unknown) => live && setView({ kind: 'ready', status: offline(), error: errorInfoOf(e), note: null }),
    );
    return () => {
      live = false;
    };
  }, [api, reload]);

  const status = view.kind === 'loading' ? null : view.status;
  const run = async (action: 'signIn' | 'signOut') => {
    setView({ kind: 'busy', status, action });
    try {
      const next = await api[action]();
      setView({ kind: 'ready', status: next, error: null, note: action === 'signOut' ? tr(S.signedOut) : null });
    } catch (e) {
      setView({ kind: 'ready', status: status ?? offline(), error: errorInfoOf(e), note: null });
    }
  };

  const busy = view.kind === 'busy';
  // Sign-in and the words go to the site Otklik reads from (hh.kz for a person who works there).
  const site = status?.site ?? DEFAULT_SITE;
  // A sign-in hh no longer accepts is gone even if the status was read while tokens still existed.
  const apiSignedIn = !!status?.apiSignedIn && !(status.problem?.kind === 'auth' && !status.signedIn);
  const error = view.kind === 'ready' ? (view.error ?? (view.status.signedIn ? null : view.status.problem)) : null;
  return (
    <section class="card" aria-labelledby="account-h" data-testid="account">
      <h2 id="account-h">{tr(S.account)}</h2>
      <p data-testid="account-status" aria-live="polite">
        {view.kind === 'loading' ? tr(S.checking) : describe(view)}
      </p>
      {view.kind === 'ready' && view.note && (
        <p class="ok" data-testid="account-note">
          {view.note}
        </p>
      )}
      {error && (
        <p class="bad" role="alert" data-testid="account-error">
          {error[lang()]}
        </p>
      )}
      {status?.paused && (
        <p class="warn" data-testid="account-paused">
          {tr(S.paused, { reason: status.paused.reason[lang()] })}
        </p>
      )}
      <div class="row">
        {!apiSignedIn && (
          <button type="button" class="primary" data-testid="sign-in" disabled={busy} onClick={() => run('signIn')}>
            {view.kind === 'busy' && view.action === 'signIn' ? tr(S.signingIn, { site }) : tr(S.signIn, { site })}
          </button>
        )}
        {apiSignedIn && (
          <button type="button" data-testid="sign-out" disabled={busy} onClick={() => run('signOut')}>
            {tr(S.signOut)}
          </button>
        )}
      </div>
    </section>
  );
}

function describe(view: Exclude<View, { kind: 'loading' }>): string {
  const status = view.status;
  if (!status?.signedIn || !status.me) return view.kind === 'busy' ? tr(S.checking) : tr(S.notSignedIn);
  const name = [status.me.firstName, status.me.lastName].filter(Boolean).join(' ') || tr(S.unknownName);
  return tr(status.gateway === 'site' ? S.signedInSite : S.signedInApi, { name, site: status.site });
}

function offline(): Status {
  return { signedIn: false, me: null, gateway: null, problem: null, hasApp: false, apiSignedIn: false, paused: null, site: DEFAULT_SITE };
}

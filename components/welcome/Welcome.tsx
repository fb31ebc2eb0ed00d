/**
 * The first-run page: the two ways to connect, whether the person is logged in on hh.ru right now
 * (read again whenever the page regains focus, e.g. after logging in in another tab), what Otklik
 * does and never does, and a way to try it on a real vacancy.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorInfo } from '../../lib/hh/errors';
import type { Me } from '../../lib/hh/model';
import type { Status } from '../../lib/messages';
import { lang, tr } from '../../lib/i18n';
import { Button } from '../ui/Button';
import { S } from './strings';
import { realApi, type WelcomeApi } from './api';
import './welcome.css';

/** What the login block shows; `data-state` carries it for tests and styling. */
export type LoginView =
  | { state: 'checking' }
  | { state: 'applicant' | 'api'; name: string }
  | { state: 'signed-out'; problem: ErrorInfo | null }
  | { state: 'unknown'; problem: ErrorInfo };

export function viewOf(status: Status): LoginView {
  if (status.signedIn && status.me) return { state: status.gateway === 'api' ? 'api' : 'applicant', name: nameOf(status.me) };
  // Offline or hh.ru down says nothing about the login.
  const p = status.problem;
  if (p && (p.kind === 'network' || p.kind === 'server' || p.kind === 'rate')) return { state: 'unknown', problem: p };
  return { state: 'signed-out', problem: p };
}

const nameOf = (me: Me) => [me.firstName, me.lastName].filter(Boolean).join(' ') || tr(S.unknownName);

const internal = (e: unknown): ErrorInfo => {
  const info = e && typeof e === 'object' && 'info' in e ? (e as { info: ErrorInfo }).info : null;
  return info ?? { kind: 'internal', ru: 'внутренняя ошибка Отклика.', en: 'Otklik hit an internal error.' };
};

export function Welcome({ api = realApi }: { api?: WelcomeApi }) {
  const [site, setSite] = useState('hh.ru');
  const [view, setView] = useState<LoginView>({ state: 'checking' });

  // Focus and visibility often arrive together: only the latest check's answer is shown. The last
  // answer stays on screen while a new one is on its way (no flicker on every return to the tab).
  const latest = useRef(0);
  const check = useCallback(async () => {
    const mine = ++latest.current;
    let next: LoginView;
    try {
      const status = await api.status();
      // The site where the person is (or was last seen) logged in: hh.kz for a person on hh.kz.
      if (mine === latest.current) setSite(status.site);
      next = viewOf(status);
    } catch (e) {
      next = { state: 'unknown', problem: internal(e) };
    }
    if (mine === latest.current) setView(next);
  }, [api]);

  useEffect(() => {
    document.documentElement.lang = lang();
    document.title = tr(S.title);
    void check();
    // Logging in happens in another tab: coming back here is the moment to look again.
    const onFocus = () => void check();
    const onVisible = () => document.visibilityState === 'visible' && void check();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [api, check]);

  return (
    <main class="welcome" data-testid="welcome">
      <header class="welcome__head">
        <img src="/icon/96.png" width="48" height="48" alt="" />
        <h1>{tr(S.title)}</h1>
      </header>
      <p class="welcome__intro">{tr(S.intro)}</p>

      <section class="card" aria-labelledby="login-h">
        <h2 id="login-h">{tr(S.login)}</h2>
        <Login view={view} site={site} onCheck={() => void check()} />
      </section>

      <section class="card" aria-labelledby="ways-h">
        <h2 id="ways-h">{tr(S.ways)}</h2>
        <ol class="welcome__ways">
          <li data-testid="way-site">
            <strong>{tr(S.waySite)}</strong>
            <p>{tr(S.waySiteText)}</p>
          </li>
          <li data-testid="way-api">
            <strong>{tr(S.wayApi)}</strong>
            <p>{tr(S.wayApiText)}</p>
            <Button onClick={api.openOptions} data-testid="open-settings">
              {tr(S.openSettings)}
            </Button>
          </li>
        </ol>
      </section>

      <div class="welcome__cols">
        <section class="card" aria-labelledby="does-h">
          <h2 id="does-h">{tr(S.does)}</h2>
          <ul>
            <li>{tr(S.does1)}</li>
            <li>{tr(S.does2)}</li>
            <li>{tr(S.does3)}</li>
          </ul>
        </section>
        <section class="card" aria-labelledby="never-h" data-testid="never">
          <h2 id="never-h">{tr(S.never)}</h2>
          <ul>
            <li>{tr(S.never1)}</li>
            <li>{tr(S.never2)}</li>
            <li>{tr(S.never3)}</li>
          </ul>
        </section>
      </div>

      <div class="welcome__try">
        <a class="ok-btn ok-btn--primary" href={`https://${site}/search/vacancy`} target="_blank" rel="noreferrer" data-testid="try">
          {tr(S.try)}
        </a>
        <span class="muted">{tr(S.tryHint)}</span>
      </div>
      <p class="muted">{tr(S.later)}</p>
    </main>
  );
}

function Login({ view, site, onCheck }: { view: LoginView; site: string; onCheck(): void }) {
  const problem = view.state === 'signed-out' || view.state === 'unknown' ? view.problem : null;
  return (
    <div data-testid="welcome-status" data-state={view.state} aria-live="polite">
      {view.state === 'checking' && <p class="muted">{tr(S.checking, { site })}</p>}
      {(view.state === 'applicant' || view.state === 'api') && (
        <p class="ok">{tr(view.state === 'api' ? S.api : S.applicant, { site, name: view.name })}</p>
      )}
      {view.state === 'signed-out' && <p class="warn">{tr(S.signedOut, { site })}</p>}
      {view.state === 'unknown' && <p class="warn">{tr(S.unknown, { reason: view.problem[lang()] })}</p>}
      {problem && view.state === 'signed-out' && problem.kind !== 'no_session' && problem.kind !== 'no_app' && (
        <p class="muted">{problem[lang()]}</p>
      )}
      <div class="row">
        {view.state === 'signed-out' && (
          <a class="ok-btn ok-btn--primary" href={`https://${site}/account/login`} target="_blank" rel="noreferrer" data-testid="log-in">
            {tr(S.logIn, { site })}
          </a>
        )}
        {(view.state === 'signed-out' || view.state === 'unknown') && <Button onClick={onCheck}>{tr(S.checkAgain)}</Button>}
      </div>
    </div>
  );
}

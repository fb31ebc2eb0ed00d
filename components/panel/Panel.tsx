/**
 * The vacancy panel: loads what the background knows about this vacancy, then shows the apply
 * form, or why it cannot. Never throws into the page: a crash shows one line instead.
 */
import { useLayoutEffect, useState, useErrorBoundary } from 'preact/hooks';
import type { ErrorInfo } from '../../lib/hh/errors';
import type { PanelPreview, VacancyPanel } from '../../lib/messages';
import { lang, tr } from '../../lib/i18n';
import { errorInfoOf, isSignedOut, webUrl, type PanelApi } from './api';
import { GuardedApply } from './EmployerGuard';
import type { ClickGuard } from './guard';
import { S } from './strings';
import { siteNameOf } from '../../lib/hh/sites';

type Load = { kind: 'loading' } | { kind: 'preview'; preview: PanelPreview } | { kind: 'failed'; error: ErrorInfo } | { kind: 'ready'; panel: VacancyPanel };

export function Panel({ api, origin, guard }: { api: PanelApi; origin: string; guard: ClickGuard }) {
  const [crash] = useErrorBoundary();
  // Asked at mount, not after the first paint (when effects run): the answer is on its way sooner.
  const [first] = useState(() => api.load());
  const early = api.preview?.now ?? null;
  const [load, setLoad] = useState<Load>(early ? { kind: 'preview', preview: early } : { kind: 'loading' });
  const [collapsed, setCollapsed] = useState(early?.collapsed ?? false);
  const [attempt, setAttempt] = useState(0);

  // A layout effect: subscribed before the first paint, so an answer already there is drawn in the next frame.
  useLayoutEffect(() => {
    let live = true;
    // Folded or not is the person's choice as stored: the first answer that knows it sets it once.
    let folded = early !== null;
    if (attempt > 0) setLoad({ kind: 'loading' });
    else if (!early) {
      api.preview?.next.then(
        (preview) => {
          if (!live || !preview) return;
          setLoad((now) => (now.kind === 'loading' ? { kind: 'preview', preview } : now));
          if (!folded) setCollapsed(preview.collapsed);
          folded = true;
        },
        () => undefined,
      );
    }
    (attempt === 0 ? first : api.load()).then(
      (panel) => {
        if (!live) return;
        setLoad({ kind: 'ready', panel });
        if (!folded) setCollapsed(panel.collapsed);
        folded = true;
      },
      (e: unknown) => {
        if (live) setLoad({ kind: 'failed', error: errorInfoOf(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);

  if (crash) {
    return (
      <section class="root">
        <header>
          <span class="brand">{tr(S.brand)}</span>
        </header>
        <div class="body">
          <p class="bad">{tr(S.broken)}</p>
        </div>
      </section>
    );
  }

  const toggle = () => {
    setCollapsed(!collapsed);
    api.setCollapsed(!collapsed);
  };
  const best = load.kind === 'ready' ? load.panel.options.find((o) => o.canApply) : undefined;
  return (
    <section class="root" aria-label={tr(S.brand)}>
      <header>
        <span class="brand">{tr(S.brand)}</span>
        {best && <span class="summary">{`${best.score}% · ${best.resume.title}`}</span>}
        <button
          type="button"
          class="toggle"
          aria-expanded={!collapsed}
          aria-label={tr(collapsed ? S.expand : S.collapse)}
          title={tr(collapsed ? S.expand : S.collapse)}
          onClick={toggle}
        >
          {collapsed ? '▸' : '▾'}
        </button>
      </header>
      {!collapsed && <Body load={load} api={api} origin={origin} guard={guard} retry={() => setAttempt(attempt + 1)} />}
    </section>
  );
}

function Body({ load, api, origin, guard, retry }: { load: Load; api: PanelApi; origin: string; guard: ClickGuard; retry: () => void }) {
  if (load.kind === 'ready') return <GuardedApply panel={load.panel} api={api} origin={origin} guard={guard} />;
  if (load.kind === 'preview' && load.preview.resumes.length > 0) {
    // The resumes as last seen, while the vacancy's fit and apply state are read: nothing to press yet.
    return (
      <div class="body" aria-busy="true">
        <ul class="resumes">
          {load.preview.resumes.map((r) => (
            <li key={r.id}>
              <div class="resume wait">
                <span />
                <span class="title">{r.title}</span>
                <span class="why">{tr(S.loading)}</span>
              </div>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (load.kind !== 'failed') {
    return (
      <div class="body">
        <p class="note" role="status">
          {tr(S.loading)}
        </p>
      </div>
    );
  }
  const signedOut = isSignedOut(load.error);
  const site = siteNameOf(origin);
  return (
    <div class="body" role="alert">
      <p class={signedOut ? 'note' : 'bad'}>{signedOut ? tr(S.signedOut, { site }) : load.error[lang()]}</p>
      <div class="actions">
        {signedOut ? (
          <button type="button" class="primary" onClick={() => api.openOptions()}>
            {tr(S.signIn)}
          </button>
        ) : load.error.kind === 'captcha' ? (
          <a href={webUrl(load.error.url, `${origin}/account/captcha`)}>{tr(S.solveCaptcha, { site })}</a>
        ) : (
          <button type="button" class="link" onClick={retry}>
            {tr(S.retry)}
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * The toolbar popup. Its first frame is the stored snapshot (./mount.tsx reads it in one storage
 * call and renders this at once); the live half (./live.ts: the store, the messaging client) loads
 * after that frame, and this same tree then follows storage, asks the background for a refresh and
 * updates in place. Every write (raise, auto-raise switch, views) goes through messages. It never
 * knows which gateway served beyond the small label the snapshot carries.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Send } from '../../lib/client';
import type { FirstPaint, PaintSettings } from '../../lib/first-paint';
import type { ErrorInfo } from '../../lib/hh/errors';
import { ERROR_POLICY } from '../../lib/hh/policy';
import type { Me } from '../../lib/hh/model';
import { lang, tr } from '../../lib/i18n';
import { errorInfoOf } from '../../lib/reply';
import type { ApplicationsState, AutomationPause, RaiseOutcome, Snapshot } from '../../lib/store';
import { chooseSite } from '../../lib/site';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { Spinner } from '../ui/Spinner';
import { Inbox } from './Inbox';
import { PauseNote } from './PauseNote';
import { ResumeCard } from './ResumeCard';
import { SignedOut } from './SignedOut';
import { S } from './strings';
import { useStored, type Source } from './useStored';
import './popup.css';

/** Timers are re-read this long after a countdown ends, to pick up hh.ru's "can raise". */
const AFTER_COUNTDOWN_MS = 3000;

/** What the popup shows first, read in one storage call before it renders. */
export type Stored = FirstPaint;

/** The popup's way to the background and to storage: loaded after the first frame (./live.ts). */
export interface Live {
  send: Send;
  snapshot: Source<Snapshot | null>;
  outcomes: Source<Record<string, RaiseOutcome>>;
  settings: Source<PaintSettings>;
  pause: Source<AutomationPause | null>;
  applicantSite: Source<string | null>;
  applications: Source<ApplicationsState>;
  openOptions(): void;
  openHistory(): void;
}

interface Props {
  stored?: Stored;
  live: Promise<Live>;
  /** Told what the popup shows from storage once it is not busy, null when that is no account's (./mount.tsx keeps it). */
  remember?(shown: Stored | null): void;
}

export function Popup({ stored, live, remember }: Props) {
  // The live half once loaded; until then the first frame stands as it was read.
  const [ready, setReady] = useState<Live>();
  const loaded = useRef<Live | undefined>(undefined);
  useEffect(() => {
    let shown = true;
    live.then(
      (l) => {
        loaded.current = l;
        if (shown) setReady(l);
      },
      () => undefined,
    );
    return () => {
      shown = false;
    };
  }, [live]);
  const [snapshot, setSnapshot] = useStored(ready?.snapshot, stored && { value: stored.snapshot });
  const [outcomes, setOutcomes] = useStored(ready?.outcomes, stored && { value: stored.outcomes });
  const [settings, setSettings] = useStored(ready?.settings, stored && { value: stored.settings });
  const [pause] = useStored(ready?.pause, stored && { value: stored.pause });
  const [applicantSite] = useStored(ready?.applicantSite, stored && { value: stored.applicantSite });
  const [applications] = useStored(ready?.applications);
  const unseen = Object.values(applications?.topics ?? {}).filter((r) => r?.unseen).length;
  // Busy from the first frame on: the refresh starts as soon as the live half is there.
  const [busy, setBusy] = useState(true);
  const [problem, setProblem] = useState<ErrorInfo | null>(null);
  const [signedOut, setSignedOut] = useState<{ hasApp: boolean } | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const [continuing, setContinuing] = useState(false);
  const [raising, setRaising] = useState<ReadonlySet<string>>(new Set());
  const [autoPending, setAutoPending] = useState<Record<string, boolean>>({});
  // The site the background reads from (lib/site.ts): links and words name it.
  const site = chooseSite({ setting: settings?.site, applicant: applicantSite });
  // A press in the first frame's few milliseconds waits for the live half, then goes its way.
  const send: Send = useCallback(
    (name, payload) => (loaded.current ? loaded.current.send(name, payload) : live.then((l) => l.send(name, payload))),
    [live],
  );

  const refresh = useCallback(
    async (force: boolean) => {
      setBusy(true);
      try {
        setSnapshot(await send('refresh', { force }));
        setProblem(null);
        setSignedOut(null);
      } catch (e) {
        const error = errorInfoOf(e);
        setProblem(error);
        if (ERROR_POLICY[error.kind].signedOut) {
          const status = await send('status', {}).catch(() => null);
          setSignedOut({ hasApp: status?.hasApp ?? false });
        }
      } finally {
        setBusy(false);
      }
    },
    [send],
  );

  useEffect(() => {
    document.documentElement.lang = lang();
  }, []);

  useEffect(() => {
    void refresh(false);
  }, [refresh]);

  useEffect(() => {
    const now = Date.now();
    const due = (snapshot?.resumes ?? [])
      .filter((r) => r.status === 'published' && !r.canRaise && r.nextRaiseAt !== null && r.nextRaiseAt > now)
      .map((r) => r.nextRaiseAt!);
    if (due.length === 0) return;
    const id = setTimeout(() => void refresh(false), Math.min(Math.min(...due) - now + AFTER_COUNTDOWN_MS, 2 ** 31 - 1));
    return () => clearTimeout(id);
  }, [snapshot, refresh]);

  useEffect(() => {
    if (!remember || !ready || busy) return;
    remember(
      signedOut || !snapshot
        ? null
        : { snapshot, outcomes: outcomes ?? {}, settings: settings ?? { site: 'auto', autoRaise: {} }, pause: pause ?? null, applicantSite: applicantSite ?? null },
    );
  }, [remember, ready, busy, signedOut, snapshot, outcomes, settings, pause, applicantSite]);

  const openSettings = () => void live.then((l) => l.openOptions());

  const signIn = async () => {
    setSigningIn(true);
    try {
      const status = await send('signIn', {});
      if (status.signedIn) await refresh(true);
      else setProblem(status.problem);
    } catch (e) {
      setProblem(errorInfoOf(e));
    } finally {
      setSigningIn(false);
    }
  };

  const continueAutomation = async () => {
    setContinuing(true);
    try {
      await send('resume', {});
      await refresh(true);
    } catch (e) {
      setProblem(errorInfoOf(e));
    } finally {
      setContinuing(false);
    }
  };

  const raise = async (resumeId: string) => {
    setRaising((s) => new Set(s).add(resumeId));
    try {
      const outcome = await send('raise', { resumeId });
      setOutcomes((all) => ({ ...all, [resumeId]: outcome }));
    } catch (e) {
      setOutcomes((all) => ({ ...all, [resumeId]: { kind: 'failed', at: Date.now(), error: errorInfoOf(e), auto: false } }));
    } finally {
      setRaising((s) => new Set([...s].filter((id) => id !== resumeId)));
    }
  };

  const setAuto = async (resumeId: string, on: boolean) => {
    setAutoPending((p) => ({ ...p, [resumeId]: on }));
    try {
      await send('setAutoRaise', { resumeId, on });
      setSettings((s) => s && { ...s, autoRaise: { ...s.autoRaise, [resumeId]: on } });
    } catch (e) {
      setProblem(errorInfoOf(e));
    } finally {
      setAutoPending(({ [resumeId]: _, ...rest }) => rest);
    }
  };

  // The pause banner already says what a captcha or a lost sign-in means: do not say it twice.
  const showProblem = problem && !signedOut && problem.kind !== pause?.reason.kind;

  return (
    <main class="popup" aria-busy={busy}>
      <Header me={signedOut ? null : (snapshot?.me ?? null)} source={signedOut ? null : (snapshot?.source ?? null)} site={site}>
        <Button variant="quiet" busy={busy} onClick={() => void refresh(true)} aria-label={tr(busy ? S.refreshing : S.refresh)} title={tr(S.refresh)}>
          {!busy && <span aria-hidden="true">↻</span>}
        </Button>
        <Button variant="quiet" onClick={openSettings} aria-label={tr(S.settings)} title={tr(S.settings)}>
          <span aria-hidden="true">⚙</span>
        </Button>
      </Header>

      {/* Signed out, the sign-in section already says why automatic work stopped; a captcha still needs its link. */}
      {pause && (!signedOut || pause.reason.kind === 'captcha') && (
        <PauseNote pause={pause} site={site} busy={continuing} onContinue={() => void continueAutomation()} />
      )}

      {signedOut ? (
        <SignedOut
          hasApp={signedOut.hasApp}
          problem={problem}
          site={site}
          busy={signingIn}
          onSignIn={() => void signIn()}
          onOpenSettings={openSettings}
        />
      ) : (
        <>
          {showProblem && (
            <ErrorNote error={problem}>
              <Button onClick={() => void refresh(true)}>{tr(S.retry)}</Button>
            </ErrorNote>
          )}
          {snapshot && (
            <Inbox
              site={site}
              unseen={unseen}
              load={() => send('inbox', {})}
              seen={async () => void (await send('seeAnswers', {}))}
              onHistory={() => void live.then((l) => l.openHistory())}
            />
          )}
          <Resumes
            snapshot={snapshot}
            busy={busy}
            site={site}
            render={(r) => (
              <ResumeCard
                key={r.id}
                resume={r}
                site={site}
                outcome={outcomes?.[r.id]}
                raising={raising.has(r.id)}
                autoOn={autoPending[r.id] ?? settings?.autoRaise[r.id] ?? false}
                paused={!!pause}
                onRaise={() => void raise(r.id)}
                onAuto={(on) => void setAuto(r.id, on)}
                loadViews={(page) => send('views', { resumeId: r.id, page })}
              />
            )}
          />
        </>
      )}
    </main>
  );
}

function Header({ me, source, site, children }: { me: Me | null; source: Snapshot['source']; site: string; children: ComponentChildren }) {
  return (
    <header class="popup__head">
      <div class="popup__who">
        <h1 class={me ? 'ok-visually-hidden' : 'popup__app'}>{tr(S.appName)}</h1>
        {me && (
          <span class="popup__name" data-testid="user-name">
            {[me.firstName, me.lastName].filter(Boolean).join(' ')}
          </span>
        )}
        {source && (
          <span class="popup__via muted" data-testid="gateway-label" data-gateway={source}>
            {tr(source === 'api' ? S.viaApi : S.viaSite, { site })}
          </span>
        )}
      </div>
      <div class="popup__tools">{children}</div>
    </header>
  );
}

interface ResumesProps {
  snapshot: Snapshot | null | undefined;
  busy: boolean;
  site: string;
  render(resume: Snapshot['resumes'][number]): ComponentChildren;
}

function Resumes({ snapshot, busy, site, render }: ResumesProps) {
  // Storage not read yet: a few milliseconds; painting "loading" would only flicker.
  if (snapshot === undefined) return null;
  if (snapshot === null) {
    return busy ? (
      <p class="popup__loading muted" role="status">
        <Spinner /> {tr(S.loading)}
      </p>
    ) : null;
  }
  if (snapshot.resumes.length === 0) {
    return (
      <div class="popup__empty">
        <p>{tr(S.noResumes, { site })}</p>
        <a class="ok-link" href={`https://${site}/applicant/resumes`} target="_blank" rel="noreferrer">
          {tr(S.createResume, { site })}
        </a>
      </div>
    );
  }
  return <div class="popup__list">{snapshot.resumes.map(render)}</div>;
}

/**
 * The panel's body once the background answered: pick a resume, write a letter, apply once.
 * The result of an application replaces the form.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TargetedMouseEvent } from 'preact';
import type { ErrorInfo } from '../../lib/hh/errors';
import type { VacancyPanel } from '../../lib/messages';
import { lang, tr } from '../../lib/i18n';
import { errorInfoOf, isLost, type PanelApi } from './api';
import { DAILY_APPLY_CAP, LETTER_MAX_LENGTH } from '../../lib/hh/limits';
import { LetterField } from './LetterField';
import { OutcomeView, hhApplyForm, type Outcome } from './Outcome';
import { ResumeList } from './ResumeList';
import { S } from './strings';
import { siteNameOf } from '../../lib/hh/sites';
import type { ClickGuard, GuardRefusal } from './guard';

const GUARD_TEXT: Record<GuardRefusal, { ru: string; en: string }> = {
  hidden: S.guardHidden,
  covered: S.guardCovered,
  moved: S.guardMoved,
};

/** Whether the guard would count a click now; re-renders when that changes. */
function useSettled(guard: ClickGuard, button: HTMLButtonElement | null): boolean {
  const [settled, setSettled] = useState(() => guard.settled());
  useEffect(() => {
    const update = () => setSettled(guard.settled());
    const unsubscribe = guard.subscribe(update);
    const unwatch = button ? guard.watch(button) : undefined;
    update();
    return () => {
      unsubscribe();
      unwatch?.();
    };
  }, [guard, button]);
  return settled;
}

const DRAFT_DEBOUNCE_MS = 500;
/** Warn a little before hh.ru's daily cap. */
const NEAR_CAP = DAILY_APPLY_CAP - 20;

type Draft = { text: string; resumeId: string | null };

/** Saves the draft a moment after typing stops, and whatever is left when the panel goes away. */
function useDraftSaver(api: PanelApi) {
  const pending = useRef<Draft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saver = useRef({
    schedule(d: Draft) {
      pending.current = d;
      clearTimeout(timer.current);
      timer.current = setTimeout(saver.flush, DRAFT_DEBOUNCE_MS);
    },
    cancel() {
      clearTimeout(timer.current);
      pending.current = null;
    },
    flush() {
      clearTimeout(timer.current);
      if (pending.current) api.saveDraft(pending.current);
      pending.current = null;
    },
  }).current;
  // A layout effect: in place as soon as the form shows, before any typing. A reload or a closed
  // tab does not unmount the panel, so leaving the page flushes too.
  useLayoutEffect(() => {
    addEventListener('pagehide', saver.flush);
    return () => {
      removeEventListener('pagehide', saver.flush);
      saver.flush();
    };
  }, [saver]);
  return saver;
}

export function ApplyForm({ panel, api, origin, guard }: { panel: VacancyPanel; api: PanelApi; origin: string; guard: ClickGuard }) {
  const { vacancy } = panel;
  const applicable = panel.options.filter((o) => o.canApply);
  const [outcome, setOutcome] = useState<Outcome | null>(
    panel.lastApply && panel.lastApply.state !== 'failed' ? panel.lastApply : null,
  );
  const [selected, setSelected] = useState<string | null>(
    () => (applicable.find((o) => o.resume.id === panel.draft?.resumeId) ?? applicable[0])?.resume.id ?? null,
  );
  const [text, setText] = useState(panel.draft?.text ?? '');
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<ErrorInfo | null>(null);
  // A ref, not state: a double click lands twice before the button re-renders as disabled.
  const lock = useRef(false);
  const drafts = useDraftSaver(api);
  const [applyButton, setApplyButton] = useState<HTMLButtonElement | null>(null);
  const settled = useSettled(guard, applyButton);

  const maxLength = vacancy.letterMaxLength || LETTER_MAX_LENGTH;
  const letterMissing = vacancy.letterRequired && !text.trim();
  const canSend = !!selected && !sending && !letterMissing && text.length <= maxLength;

  const onInput = (next: string) => {
    setText(next);
    drafts.schedule({ text: next, resumeId: selected });
  };
  const onSelect = (resumeId: string) => {
    setSelected(resumeId);
    if (text.trim()) drafts.schedule({ text, resumeId });
  };

  const onApply = async (e: TargetedMouseEvent<HTMLButtonElement>) => {
    // Only the person's own click: a page script dispatching events gets nothing sent.
    if (!e.isTrusted || lock.current || !canSend || !selected) return;
    // A person's click, but on a panel they may not have seen: hidden, covered or just moved there.
    const refused = guard.refuse(e.currentTarget, e.clientX, e.clientY, e.detail === 0);
    if (refused) {
      setNotice({ kind: 'forbidden', value: `guard:${refused}`, ...GUARD_TEXT[refused] });
      return;
    }
    setNotice(null);
    lock.current = true;
    setSending(true);
    drafts.cancel();
    let result: Outcome;
    try {
      result = await api.apply({ resumeId: selected, letter: text });
    } catch (err) {
      const error = errorInfoOf(err);
      // The message may have died with the worker mid-send: nobody knows whether hh.ru got it.
      result = isLost(error) ? { state: 'uncertain' } : { state: 'failed', error };
    }
    if (result.state !== 'done' && text.trim()) api.saveDraft({ text, resumeId: selected });
    setOutcome(result);
    setSending(false);
    lock.current = false;
  };

  /** An unclear application, looked up on hh.ru at the person's request: found, or free to send again. */
  const onRecheck = async (e: TargetedMouseEvent<HTMLButtonElement>) => {
    if (!e.isTrusted || lock.current) return;
    lock.current = true;
    setSending(true);
    try {
      const entry = await api.recheck();
      setOutcome(entry.state === 'failed' ? null : entry);
      setNotice(entry.state === 'failed' ? (entry.error ?? null) : null);
    } catch (err) {
      setNotice(errorInfoOf(err));
    }
    setSending(false);
    lock.current = false;
  };

  const via = panel.gateway === 'api' ? S.viaApi : S.viaSite;
  // Words name the page's own site: a person on hh.kz reads «на hh.kz».
  const site = siteNameOf(origin);
  return (
    <div class="body">
      {notice && <p class="note" role="status">{notice[lang()]}</p>}
      {panel.alreadyApplied && !outcome && <p class="note">{tr(S.alreadyApplied)}</p>}
      {panel.appliedLast24h >= NEAR_CAP && !outcome && <p class="warn">{tr(S.nearCap, { n: panel.appliedLast24h, cap: DAILY_APPLY_CAP })}</p>}
      {outcome ? (
        <OutcomeView
          outcome={outcome}
          origin={origin}
          vacancy={vacancy}
          onBack={() => setOutcome(null)}
          onRecheck={sending ? undefined : onRecheck}
          onSignIn={() => api.openOptions()}
        />
      ) : vacancy.archived ? (
        <p class="bad">{tr(S.archived)}</p>
      ) : panel.options.length === 0 ? (
        <p class="note">{tr(S.noResumes, { site })}</p>
      ) : (
        <>
          <ResumeList options={panel.options} selected={selected} disabled={sending} onSelect={onSelect} />
          {applicable.length === 0 && <p class="note">{tr(S.noneCanApply)}</p>}
          {vacancy.testRequired ? (
            <>
              <p class="note">{tr(S.testRequired, { site })}</p>
              <a href={hhApplyForm(origin, vacancy)}>{tr(S.openHhForm, { site })}</a>
            </>
          ) : (
            applicable.length > 0 && (
              <>
                <LetterField
                  text={text}
                  required={vacancy.letterRequired}
                  maxLength={maxLength}
                  templates={panel.templates}
                  params={{
                    vacancy: vacancy.name,
                    company: vacancy.employer?.name ?? '',
                    name: panel.me ? `${panel.me.firstName} ${panel.me.lastName}`.trim() : '',
                  }}
                  disabled={sending}
                  onInput={onInput}
                />
                <div class="actions">
                  <button
                    type="button"
                    class="primary"
                    ref={setApplyButton}
                    disabled={!canSend}
                    aria-disabled={settled ? undefined : 'true'}
                    onClick={(e) => void onApply(e)}
                  >
                    {tr(sending ? S.sending : S.apply)}
                  </button>
                  {letterMissing && <span class="note">{tr(S.letterNeeded)}</span>}
                </div>
              </>
            )
          )}
        </>
      )}
      <span class="via">{tr(via, { site })}</span>
    </div>
  );
}

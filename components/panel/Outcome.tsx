/** What became of an application, in words, with the one thing the user can do next. */
import { NOT_SHOWN_YET } from '../../lib/reply';
import type { ErrorInfo } from '../../lib/hh/errors';
import type { Vacancy } from '../../lib/hh/model';
import type { TargetedMouseEvent } from 'preact';
import { formatDateTime, lang, tr } from '../../lib/i18n';
import { isSignedOut, webUrl } from './api';
import { S } from './strings';
import { DETAILS, errorDetail } from '../ui/errorDetail';
import { siteNameOf } from '../../lib/hh/sites';

export interface Outcome {
  state: 'done' | 'pending' | 'uncertain' | 'failed';
  error?: ErrorInfo | null;
  chatUrl?: string | null;
  /** hh.ru took it but wants more from the person (relocation and the like). */
  followUp?: string[] | null;
}


/** Refusals the user can fix in the form (write a letter, shorten it, wait a moment, free storage). */
const FIXABLE = new Set<ErrorInfo['kind']>(['letter_required', 'letter_too_long', 'rate', 'xsrf', 'bad_argument', 'internal']);

export function hhApplyForm(origin: string, vacancy: Vacancy): string {
  return webUrl(vacancy.applyUrl, `${origin}/applicant/vacancy_response?vacancyId=${vacancy.id}&startedWithQuestion=true`);
}

export function OutcomeView(props: {
  outcome: Outcome;
  origin: string;
  vacancy: Vacancy;
  onBack: () => void;
  onSignIn: () => void;
  onRecheck?: (e: TargetedMouseEvent<HTMLButtonElement>) => void;
}) {
  const { outcome, origin } = props;
  const negotiations = `${origin}/applicant/negotiations`;
  const site = siteNameOf(origin);
  if (outcome.state === 'done') {
    return (
      <div class="outcome" role="status">
        <p class="good">{tr(S.sent)}</p>
        {outcome.followUp?.length ? <p class="warn">{tr(S.followUp)}</p> : null}
        <a href={webUrl(outcome.chatUrl, negotiations)}>{tr(S.openChat, { site })}</a>
      </div>
    );
  }
  if (outcome.state === 'pending') {
    return (
      <p class="note" role="status">
        {tr(S.pending)}
      </p>
    );
  }
  if (outcome.state === 'uncertain') {
    return (
      <div class="outcome" role="status">
        <p class="warn">{tr(S.uncertain, { site })}</p>
        {outcome.error?.value === NOT_SHOWN_YET && <p class="note">{outcome.error[lang()]}</p>}
        <a href={negotiations}>{tr(S.checkNegotiations, { site })}</a>
        {props.onRecheck && (
          <button type="button" class="link" onClick={props.onRecheck}>
            {tr(S.recheck)}
          </button>
        )}
      </div>
    );
  }
  const error = outcome.error ?? { kind: 'internal', ...S.broken };
  return (
    <div class="outcome" role="alert">
      <p class="bad">{error[lang()]}</p>
      <Next {...props} error={error} />
      <details class="detail">
        <summary>{tr(DETAILS)}</summary>
        <code>{errorDetail(error)}</code>
      </details>
    </div>
  );
}

function Next(props: { error: ErrorInfo; origin: string; vacancy: Vacancy; onBack: () => void; onSignIn: () => void }) {
  const { error, origin } = props;
  const site = siteNameOf(origin);
  if (isSignedOut(error)) {
    return (
      <button type="button" class="primary" onClick={props.onSignIn}>
        {tr(S.signIn)}
      </button>
    );
  }
  switch (error.kind) {
    case 'captcha':
      return <a href={webUrl(error.url, `${origin}/account/captcha`)}>{tr(S.solveCaptcha, { site })}</a>;
    case 'test_required':
      return <a href={webUrl(error.url, hhApplyForm(origin, props.vacancy))}>{tr(S.openHhForm, { site })}</a>;
    case 'limit':
      return error.retryAt ? <p class="note">{tr(S.limitResets, { at: formatDateTime(error.retryAt) })}</p> : null;
  }
  if (error.value === 'redirect' && error.url) {
    return (
      <a href={webUrl(error.url, origin)} target="_blank" rel="noopener noreferrer">
        {tr(S.openEmployerSite)}
      </a>
    );
  }
  // Nothing left the browser (offline, hh.ru's tab never loaded): the same letter may go again.
  if (!FIXABLE.has(error.kind) && !error.notSent) return null;
  return (
    <button type="button" class="link" onClick={props.onBack}>
      {tr(S.back)}
    </button>
  );
}

import type { ComponentChildren } from 'preact';
import type { ErrorInfo } from '../../lib/hh/errors';
import { tr } from '../../lib/i18n';
import { DETAILS, errorDetail } from './errorDetail';
import './ui.css';

interface Props {
  error: ErrorInfo;
  /** What the person can do about it: retry, open a link, continue. */
  children?: ComponentChildren;
  /** `alert` interrupts a screen reader; `status` waits its turn. */
  role?: 'alert' | 'status';
}

/** An error as a person reads it: what happened and what to do, in their language. */
export function ErrorNote({ error, children, role = 'alert' }: Props) {
  return (
    <div class={`ok-note ok-note--${error.kind}`} role={role} data-testid="error-note" data-kind={error.kind}>
      <p class="ok-note__text">{tr({ ru: error.ru, en: error.en })}</p>
      {children && <div class="ok-note__actions">{children}</div>}
      <details class="ok-note__detail">
        <summary>{tr(DETAILS)}</summary>
        <code>{errorDetail(error)}</code>
      </details>
    </div>
  );
}

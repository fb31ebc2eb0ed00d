import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';
import { Spinner } from './Spinner';
import './ui.css';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  variant?: 'primary' | 'secondary' | 'quiet';
  /** Working: locked, with a spinner, announced as busy. */
  busy?: boolean;
  children: ComponentChildren;
};

export function Button({ variant = 'secondary', busy = false, disabled, children, class: cls, ...rest }: Props) {
  return (
    <button
      type="button"
      class={`ok-btn ok-btn--${variant}${cls ? ` ${cls}` : ''}`}
      disabled={busy || disabled}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy && <Spinner />}
      {children}
    </button>
  );
}

import { useId } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import './ui.css';

interface Props {
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  children: ComponentChildren;
  /** Extra words read with the switch (what it will do, why it is off). */
  hint?: ComponentChildren;
  testId?: string;
}

/** An on/off switch: a real checkbox with the switch role, its label and an optional hint. */
export function Toggle({ checked, onChange, disabled, children, hint, testId }: Props) {
  const hintId = useId();
  return (
    <div class="ok-toggle">
      <label>
        <span class="ok-toggle__switch">
          <input
            type="checkbox"
            role="switch"
            checked={checked}
            disabled={disabled}
            aria-describedby={hint ? hintId : undefined}
            data-testid={testId}
            onChange={(e) => onChange(e.currentTarget.checked)}
          />
          <span class="ok-toggle__track" aria-hidden="true" />
        </span>
        <span>{children}</span>
      </label>
      {hint && (
        <div class="ok-toggle__hint" id={hintId}>
          {hint}
        </div>
      )}
    </div>
  );
}

import './ui.css';

/** A small busy indicator. Decorative: the busy control itself says so (aria-busy, text). */
export function Spinner() {
  return <span class="ok-spinner" aria-hidden="true" />;
}

/** The cover letter: a textarea with hh.ru's length limit and the user's templates. */
import { useId } from 'preact/hooks';
import type { LetterTemplate } from '../../lib/store';
import { fill, tr } from '../../lib/i18n';
import { S } from './strings';

export interface LetterParams {
  vacancy: string;
  company: string;
  name: string;
}

export function LetterField(props: {
  text: string;
  required: boolean;
  maxLength: number;
  templates: LetterTemplate[];
  params: LetterParams;
  disabled: boolean;
  onInput: (text: string) => void;
}) {
  const id = useId();
  const { text, maxLength } = props;
  return (
    <div class="field">
      <div class="row">
        <label for={id}>
          {tr(S.letter)} <span class="req">· {tr(props.required ? S.letterRequired : S.letterOptional)}</span>
        </label>
        {props.templates.length > 0 && (
          <select
            aria-label={tr(S.templateLabel)}
            value=""
            disabled={props.disabled}
            onChange={(e) => {
              const chosen = props.templates.find((t) => t.id === e.currentTarget.value);
              e.currentTarget.value = '';
              if (chosen) props.onInput(fill(chosen.text, { ...props.params }).slice(0, maxLength));
            }}
          >
            <option value="">{tr(S.template)}</option>
            {props.templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <textarea
        id={id}
        value={text}
        maxLength={maxLength}
        disabled={props.disabled}
        aria-required={props.required}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      <div class="count">
        {text.length} / {maxLength}
      </div>
    </div>
  );
}

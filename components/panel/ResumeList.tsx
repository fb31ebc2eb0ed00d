/** The user's resumes for this vacancy: those that can apply to pick from, the others greyed with why. */
import { useId } from 'preact/hooks';
import type { VacancyPanel } from '../../lib/messages';
import { lang } from '../../lib/i18n';
import { REASON } from './strings';

type Option = VacancyPanel['options'][number];

export function ResumeList(props: {
  options: Option[];
  selected: string | null;
  disabled: boolean;
  onSelect: (resumeId: string) => void;
}) {
  const group = useId();
  const l = lang();
  return (
    <ul class="resumes">
      {props.options.map((o) => (
        <li key={o.resume.id}>
          <label class={o.canApply ? 'resume' : 'resume off'}>
            <input
              type="radio"
              name={group}
              value={o.resume.id}
              checked={o.canApply && props.selected === o.resume.id}
              disabled={!o.canApply || props.disabled}
              onChange={() => props.onSelect(o.resume.id)}
            />
            <span class="title">{o.resume.title}</span>
            <span class={`score ${o.score >= 70 ? 'hi' : o.score >= 40 ? 'mid' : ''}`}>{o.score}%</span>
            <span class="why">{o.canApply ? o.explain[l] : REASON[o.reason ?? 'unavailable'][l]}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}

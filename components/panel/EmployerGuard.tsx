/**
 * The panel's part of search triage, kept out of the apply form: the never-apply guard (the
 * employer is on the person's list, e.g. a current employer: the form stays away until they tick
 * "apply anyway", and only then does an apply carry the override the background asks for), and
 * two small switches: hide this employer in search, never apply here.
 */
import { useMemo, useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import type { VacancyPanel } from '../../lib/messages';
import { tr, type Text } from '../../lib/i18n';
import { listed } from '../../lib/triage';
import type { PanelApi } from './api';
import { ApplyForm } from './ApplyForm';
import type { ClickGuard } from './guard';

export const G = {
  guarded: {
    ru: '«{name}» в вашем списке «не откликаться». Отклик отсюда остановлен.',
    en: '“{name}” is on your never-apply list. Applying from here is stopped.',
  },
  applyAnyway: { ru: 'Откликнуться всё равно', en: 'Apply anyway' },
  hide: { ru: 'Скрывать вакансии «{name}» в поиске', en: 'Hide “{name}” vacancies in search' },
  neverApply: { ru: 'Не откликаться в «{name}»', en: 'Never apply to “{name}”' },
  failed: { ru: 'Не удалось сохранить. Попробуйте ещё раз.', en: 'Could not save. Try again.' },
} satisfies Record<string, Text>;

type Lists = NonNullable<VacancyPanel['employerLists']>;

export function GuardedApply({ panel, api, origin, guard }: { panel: VacancyPanel; api: PanelApi; origin: string; guard: ClickGuard }) {
  const [lists, setLists] = useState<Lists>(panel.employerLists ?? { hidden: false, neverApply: false });
  const [override, setOverride] = useState(false);
  const [failed, setFailed] = useState(false);
  const found = panel.vacancy.employer;
  // As the lists store it: hh.ru's numeric id (anything else is left out) and the name.
  const employer = found ? { id: found.id && /^\d{1,12}$/.test(found.id) ? found.id : null, name: found.name.slice(0, 300) } : null;
  const name = employer?.name ?? '';
  // The override travels with the apply itself: the background refuses a guarded apply without it.
  const guardedApi = useMemo<PanelApi>(
    () => (override ? { ...api, apply: (req) => api.apply({ ...req, override: true }) } : api),
    [api, override],
  );

  const toggle = (list: 'hiddenEmployers' | 'neverApply') => (e: TargetedEvent<HTMLInputElement>) => {
    if (!employer || !api.listEmployer || !e.isTrusted) return;
    const on = e.currentTarget.checked;
    api.listEmployer(list, employer, on).then(
      (t) => {
        setFailed(false);
        setLists({ hidden: listed(t.hiddenEmployers, employer), neverApply: listed(t.neverApply, employer) });
        if (list === 'neverApply' && on) setOverride(false);
      },
      () => setFailed(true),
    );
  };

  return (
    <>
      {lists.neverApply && (
        <div class="body" role="alert" data-otklik-guard="">
          <p class="warn">{tr(G.guarded, { name })}</p>
          <label class="check">
            <input type="checkbox" checked={override} onChange={(e) => e.isTrusted && setOverride(e.currentTarget.checked)} />{' '}
            {tr(G.applyAnyway)}
          </label>
        </div>
      )}
      {/* An application made before the employer was listed still shows what became of it. */}
      {(!lists.neverApply || override || (panel.lastApply && panel.lastApply.state !== 'failed')) && (
        <ApplyForm panel={panel} api={guardedApi} origin={origin} guard={guard} />
      )}
      {employer && api.listEmployer && (
        <div class="body lists">
          <label class="check note">
            <input type="checkbox" checked={lists.hidden} onChange={toggle('hiddenEmployers')} /> {tr(G.hide, { name })}
          </label>
          <label class="check note">
            <input type="checkbox" checked={lists.neverApply} onChange={toggle('neverApply')} /> {tr(G.neverApply, { name })}
          </label>
          {failed && <p class="bad">{tr(G.failed)}</p>}
        </div>
      )}
    </>
  );
}

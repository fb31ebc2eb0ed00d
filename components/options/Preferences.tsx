/** Gateway mode, site, quiet hours and search dimming: each change is saved at once. */
import type { Settings } from '../../lib/store';
import { SITES } from '../../lib/hh/sites';
import { AUTO_SITE } from '../../lib/site';
import { tr } from '../../lib/i18n';
import { S } from './strings';

type Patch = (patch: Partial<Settings>) => void;

const MODES = [
  { value: 'auto', label: S.gatewayAuto, help: S.gatewayAutoHelp },
  { value: 'api', label: S.gatewayApi, help: S.gatewayApiHelp },
  { value: 'site', label: S.gatewaySite, help: S.gatewaySiteHelp },
] as const;

export function GatewayMode({ settings, patch }: { settings: Settings; patch: Patch }) {
  return (
    <section class="card" aria-labelledby="gateway-h" data-testid="gateway">
      <fieldset>
        <legend>
          <h2 id="gateway-h">{tr(S.gateway)}</h2>
        </legend>
        {MODES.map((m) => (
          <label class="choice" key={m.value}>
            <input
              type="radio"
              name="gateway"
              value={m.value}
              checked={settings.gateway === m.value}
              onChange={() => patch({ gateway: m.value })}
              aria-describedby={`gateway-${m.value}-help`}
              data-testid={`gateway-${m.value}`}
            />
            <span>
              <strong>{tr(m.label)}</strong>
              <span class="muted" id={`gateway-${m.value}-help`}>
                {tr(m.help)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}

export function SitePicker({ settings, patch }: { settings: Settings; patch: Patch }) {
  return (
    <section class="card" aria-labelledby="site-h" data-testid="site">
      <h2 id="site-h">{tr(S.site)}</h2>
      <label for="site-select">{tr(S.siteHelp)}</label>
      <select
        id="site-select"
        value={settings.site}
        onChange={(e) => patch({ site: e.currentTarget.value })}
        aria-describedby="site-auto-help"
        data-testid="site-select"
      >
        <option value={AUTO_SITE}>{tr(S.siteAuto)}</option>
        {SITES.map((s) => (
          <option key={s.host} value={s.host}>
            {s.label}
          </option>
        ))}
      </select>
      <p class="muted" id="site-auto-help">
        {tr(S.siteAutoHelp)}
      </p>
    </section>
  );
}

export function QuietHours({ settings, patch }: { settings: Settings; patch: Patch }) {
  const q = settings.quietHours;
  return (
    <section class="card" aria-labelledby="quiet-h" data-testid="quiet">
      <h2 id="quiet-h">{tr(S.quiet)}</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={q.enabled}
          onChange={(e) => patch({ quietHours: { ...q, enabled: e.currentTarget.checked } })}
          data-testid="quiet-enabled"
        />
        {tr(S.quietEnabled)}
      </label>
      <div class="row">
        <label for="quiet-from">{tr(S.quietFrom)}</label>
        <input
          id="quiet-from"
          type="time"
          value={q.from}
          disabled={!q.enabled}
          onChange={(e) => e.currentTarget.value && patch({ quietHours: { ...q, from: e.currentTarget.value } })}
          data-testid="quiet-from"
        />
        <label for="quiet-to">{tr(S.quietTo)}</label>
        <input
          id="quiet-to"
          type="time"
          value={q.to}
          disabled={!q.enabled}
          onChange={(e) => e.currentTarget.value && patch({ quietHours: { ...q, to: e.currentTarget.value } })}
          data-testid="quiet-to"
        />
      </div>
    </section>
  );
}

export function SearchPrefs({ settings, patch }: { settings: Settings; patch: Patch }) {
  return (
    <section class="card" aria-labelledby="search-h" data-testid="search">
      <h2 id="search-h">{tr(S.search)}</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.dimHidden}
          onChange={(e) => patch({ dimHidden: e.currentTarget.checked })}
          data-testid="dim-hidden"
        />
        {tr(S.dimHidden)}
      </label>
    </section>
  );
}

const POLLS = [
  { value: '10', label: { ru: 'Каждые 10 минут', en: 'Every 10 minutes' } },
  { value: '20', label: { ru: 'Каждые 20 минут', en: 'Every 20 minutes' } },
  { value: '60', label: { ru: 'Раз в час', en: 'Once an hour' } },
  { value: 'off', label: { ru: 'Не проверять', en: 'Do not check' } },
] as const;

const ANSWERS = {
  title: { ru: 'Ответы работодателей', en: 'Employers’ answers' },
  help: {
    ru: 'Как часто Отклик смотрит на hh.ru, не ответили ли на ваши отклики (в тихие часы и на паузе — не смотрит).',
    en: 'How often Otklik looks on hh.ru for answers to your applications (never in quiet hours or while paused).',
  },
};

export function AnswersPoll({ settings, patch }: { settings: Settings; patch: Patch }) {
  return (
    <section class="card" aria-labelledby="answers-h" data-testid="answers-poll">
      <h2 id="answers-h">{tr(ANSWERS.title)}</h2>
      <label for="answers-select">{tr(ANSWERS.help)}</label>
      <select
        id="answers-select"
        value={settings.answersPoll}
        onChange={(e) => patch({ answersPoll: e.currentTarget.value as Settings['answersPoll'] })}
        data-testid="answers-poll-select"
      >
        {POLLS.map((p) => (
          <option key={p.value} value={p.value}>
            {tr(p.label)}
          </option>
        ))}
      </select>
    </section>
  );
}

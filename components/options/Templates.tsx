/** Cover-letter templates: add, edit in place (saved as you type), delete. */
import type { LetterTemplate, Settings } from '../../lib/store';
import { tr } from '../../lib/i18n';
import { LETTER_MAX_LENGTH } from '../../lib/hh/limits';
import { S } from './strings';

export function Templates({
  settings,
  patch,
  newId,
}: {
  settings: Settings;
  patch: (patch: Partial<Settings>) => void;
  newId: () => string;
}) {
  const list = settings.templates;
  const change = (id: string, edit: Partial<LetterTemplate>) =>
    patch({ templates: list.map((t) => (t.id === id ? { ...t, ...edit } : t)) });
  const add = () => patch({ templates: [...list, { id: newId(), name: tr(S.templateNew), text: '' }] });
  const remove = (id: string) => patch({ templates: list.filter((t) => t.id !== id) });

  return (
    <section class="card" aria-labelledby="templates-h" data-testid="templates">
      <h2 id="templates-h">{tr(S.templates)}</h2>
      <p class="muted" data-testid="templates-help">
        {tr(S.templatesHelp)}
      </p>
      {list.length === 0 && <p>{tr(S.noTemplates)}</p>}
      <ul class="templates">
        {list.map((t) => (
          <li key={t.id} data-testid="template">
            <label for={`tpl-name-${t.id}`}>{tr(S.templateName)}</label>
            <div class="row">
              <input
                id={`tpl-name-${t.id}`}
                class="grow"
                value={t.name}
                onInput={(e) => change(t.id, { name: e.currentTarget.value })}
                data-testid="template-name"
              />
              <button
                type="button"
                class="danger"
                aria-label={tr(S.templateDelete, { name: t.name })}
                onClick={() => remove(t.id)}
                data-testid="template-delete"
              >
                {tr(S.delete)}
              </button>
            </div>
            <label for={`tpl-text-${t.id}`}>{tr(S.templateText)}</label>
            <textarea
              id={`tpl-text-${t.id}`}
              rows={5}
              maxLength={LETTER_MAX_LENGTH}
              value={t.text}
              onInput={(e) => change(t.id, { text: e.currentTarget.value })}
              data-testid="template-text"
            />
          </li>
        ))}
      </ul>
      <button type="button" onClick={add} data-testid="template-add">
        {tr(S.templateAdd)}
      </button>
    </section>
  );
}

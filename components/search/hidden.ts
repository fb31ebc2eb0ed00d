/**
 * Which vacancies on a search page the user hid (the vacancy or its employer), from the page's
 * state: `vacancySearchResult.vacancies[].userLabels` and `userLabelsForVacancies`. hh.ru does
 * not document the label values, so any label that speaks of hiding counts; an unknown shape
 * just means nothing is dimmed.
 */
const HIDING = /hidden|blacklist/i;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const hides = (labels: unknown) => Array.isArray(labels) && labels.some((l) => typeof l === 'string' && HIDING.test(l));

/** `state`: the page's state, parsed, or its text. */
export function hiddenVacancyIds(stateOrText: unknown): Set<string> {
  const hidden = new Set<string>();
  let state: unknown = stateOrText;
  if (typeof stateOrText === 'string' || stateOrText == null) {
    try {
      state = JSON.parse(stateOrText ?? '');
    } catch {
      return hidden;
    }
  }
  if (!isRecord(state)) return hidden;
  const result = state['vacancySearchResult'];
  const vacancies = isRecord(result) && Array.isArray(result['vacancies']) ? result['vacancies'] : [];
  for (const v of vacancies) {
    if (isRecord(v) && v['vacancyId'] != null && hides(v['userLabels'])) hidden.add(String(v['vacancyId']));
  }
  const byId = state['userLabelsForVacancies'];
  if (isRecord(byId)) for (const [id, labels] of Object.entries(byId)) if (hides(labels)) hidden.add(id);
  return hidden;
}

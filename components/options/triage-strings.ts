/** The settings page's search-triage words. */
import type { Text } from '../../lib/i18n';

export const TS = {
  title: { ru: 'Разбор выдачи', en: 'Search triage' },
  fitOnCards: {
    ru: 'Показывать на каждой карточке поиска, насколько она подходит лучшему из ваших резюме (0–100)',
    en: 'Show on every search card how well it fits your best resume (0–100)',
  },
  stopWords: { ru: 'Стоп-слова в названии вакансии', en: 'Stop-words in the vacancy title' },
  stopWordsHelp: {
    ru: 'По одному на строку. Целые слова; звёздочка в конце — любое окончание: «стаж*». Такие вакансии сворачиваются в строку.',
    en: 'One per line. Whole words; a star at the end takes any ending: “intern*”. Such vacancies fold to one line.',
  },
  minSalary: { ru: 'Минимальная зарплата', en: 'Minimum salary' },
  minSalaryHelp: {
    ru: 'Вакансии, где и верх вилки ниже, сворачиваются. Без зарплаты и в другой валюте — остаются.',
    en: 'Vacancies whose top figure is below it fold away. Those without a salary or in another currency stay.',
  },
  net: { ru: 'на руки', en: 'take-home' },
  gross: { ru: 'до вычета налогов', en: 'before tax' },
  applied: { ru: 'Вакансии, на которые я откликался', en: 'Vacancies I applied to' },
  rejected: { ru: 'Вакансии, где мне отказали', en: 'Vacancies that rejected me' },
  show: { ru: 'показывать', en: 'show' },
  dim: { ru: 'приглушать', en: 'dim' },
  hide: { ru: 'сворачивать', en: 'fold away' },
  hiddenEmployers: { ru: 'Скрытые работодатели', en: 'Hidden employers' },
  hiddenEmployersHelp: {
    ru: 'Их вакансии сворачиваются в строку в поиске. Добавить можно и кнопкой ⊘ на карточке.',
    en: 'Their vacancies fold to one line in search. The ⊘ button on a card adds one too.',
  },
  neverApply: { ru: 'Не откликаться', en: 'Never apply' },
  neverApplyHelp: {
    ru: 'Например, текущий работодатель: панель вакансии остановит отклик, пока вы не отметите «Откликнуться всё равно».',
    en: 'A current employer, say: the vacancy panel stops an apply until you tick “apply anyway”.',
  },
  none: { ru: 'Пока никого.', en: 'Nobody yet.' },
  addName: { ru: 'Название работодателя', en: 'Employer name' },
  add: { ru: 'Добавить', en: 'Add' },
  remove: { ru: 'Убрать «{name}»', en: 'Remove “{name}”' },
  exportLists: { ru: 'Сохранить в файл', en: 'Save to a file' },
  importLists: { ru: 'Загрузить из файла', en: 'Load from a file' },
  transferHelp: {
    ru: 'Файл JSON со списками и фильтрами этого раздела. Загрузка заменяет текущие.',
    en: 'A JSON file with this section’s lists and filters. Loading replaces the current ones.',
  },
  imported: { ru: 'Загружено работодателей: {employers}, стоп-слов: {words}.', en: 'Loaded employers: {employers}, stop-words: {words}.' },
  importFailed: {
    ru: 'Это не файл списков Отклика (или он повреждён). Ничего не изменено.',
    en: 'This is not an Otklik lists file (or it is damaged). Nothing was changed.',
  },
} satisfies Record<string, Text>;

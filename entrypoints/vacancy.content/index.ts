import { VACANCY_MATCHES } from '../../lib/hh/sites';
import { followVacancyPages } from './follow';

// Test URLs: https://hh.ru/vacancy/70000001 , https://spb.hh.ru/vacancy/70000002?nomarkers=1
export default defineContentScript({
  matches: VACANCY_MATCHES,
  // Early, to ask the background while the page loads; the panel itself waits for the parsed DOM (follow.ts).
  runAt: 'document_start',
  main(ctx) {
    followVacancyPages(ctx);
  },
});

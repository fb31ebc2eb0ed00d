/**
 * hh.ru's vacancy pages: the panel (follow.ts).
 *
 * Declared in the manifest by hand (wxt.config.ts), not as a WXT content script, as the search
 * script is (entrypoints/search.ts): WXT's content-script context and the browser polyfill cost
 * every vacancy page view start-up time and ~3 KB gzip of this script's 20 KB budget, for what
 * follow.ts does itself (in-page navigation, the moment the page is parsed).
 *
 * Test URLs: https://hh.ru/vacancy/70000001 , https://spb.hh.ru/vacancy/70000002?nomarkers=1
 */
import { followVacancyPages } from './follow';

export default defineUnlistedScript(() => followVacancyPages());

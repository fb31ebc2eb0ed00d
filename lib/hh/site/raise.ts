/**
 * Raising a resume through the user's hh.ru session. hh.ru has been seen accepting three forms
 * (docs hh-site.md, "raise"): (A) `POST /applicant/resumes/touch`, (B) the profile front's JSON
 * touch, (C) only its own button on /applicant/resumes. The one that worked last is tried first;
 * a raise counts only when re-reading the resume shows `nextTouchAt` moved on.
 */
import { HhError, noSessionError, siteNameOf } from '../errors';
import type { Resume } from '../model';
import type { ButtonOutcome, PageAnswer, PageContext } from './tab';
import { captchaIn, needsLogin, retryAtOf } from './read';
import { siteOf } from '../sites';
import type { Fact } from '../memory';

export const RAISE_VARIANTS = ['touch', 'profile', 'button'] as const;
export type RaiseVariant = (typeof RAISE_VARIANTS)[number];

export interface RaiseDeps {
  origin: string;
  page: PageContext;
  /** The resume as hh.ru shows it now. */
  reread: () => Promise<Resume>;
  now: () => number;
  /** A pause between re-reads while hh's page finishes a button raise. */
  settle: (ms: number) => Promise<void>;
  remembered: Fact<RaiseVariant>;
}

/** What one attempt's answer says. `next`: this form is not (or no longer) what hh.ru accepts. */
type Step = 'accepted' | 'too_early' | 'next';

function readRaiseAnswer(a: PageAnswer, origin: string, now: number): Step {
  // The request failed in flight (site/tab.ts): it may have reached hh.ru, like a lost answer.
  if (a.status === 0) throw new HhError('network', { value: `connection lost: ${a.error ?? ''}`.trim() });
  const captcha = captchaIn(a.text);
  if (captcha) throw new HhError('captcha', { status: a.status, url: captcha.url ?? `${origin}/applicant/resumes` });
  if (a.status === 429) throw new HhError('rate', { status: 429, retryAt: retryAtOf(a.retryAfter, now) });
  if (a.status === 401 || needsLogin(a.text)) throw noSessionError(origin, a.status);
  if (a.status >= 200 && a.status < 300) return 'accepted';
  if (a.status === 409) return 'too_early';
  return 'next';
}

function profileFrontUrl(origin: string): string {
  const root = siteOf(new URL(origin).hostname) ?? 'hh.ru';
  return `https://resume-profile-front.${root}/profile/shards/resume/touch`;
}

function tooEarly(r: Resume): HhError {
  return new HhError('too_early', { retryAt: r.nextRaiseAt ?? undefined, status: 409 });
}

function noRaisePrompt(origin: string): HhError {
  return new HhError('invalid_response', {
    value: 'no-raise-variant',
    url: `${origin}/applicant/resumes`,
    ru: `${siteNameOf(origin)} не принял ни один известный способ поднять резюме. Откройте «Мои резюме» на ${siteNameOf(origin)} и нажмите там «Поднять».`,
    en: `${siteNameOf(origin)} accepted none of the known ways to raise a resume. Open “My resumes” on ${siteNameOf(origin)} and press «Поднять» there.`,
  });
}

/**
 * Raise `resume` (as just read from hh.ru). Resolves with the resume re-read after the raise;
 * throws `too_early` with hh's next time, or the prompt to raise by hand when nothing works.
 */
export async function raiseOnSite(deps: RaiseDeps, resume: Resume): Promise<Resume> {
  const { origin, page } = deps;
  const hash = resume.hash;
  if (!hash) throw new HhError('invalid_response', { value: 'resume without hash' });
  if (resume.status !== 'published') {
    throw new HhError('forbidden', {
      value: resume.status,
      ru: 'Поднять можно только опубликованное резюме.',
      en: 'Only a published resume can be raised.',
    });
  }
  if (!resume.canRaise && resume.nextRaiseAt !== null && resume.nextRaiseAt > deps.now()) throw tooEarly(resume);

  const moved = (r: Resume) =>
    r.nextRaiseAt !== null && r.nextRaiseAt > deps.now() && (resume.nextRaiseAt === null || r.nextRaiseAt > resume.nextRaiseAt);

  const remembered = await deps.remembered.get();
  const order = [...new Set([...(remembered ? [remembered] : []), ...RAISE_VARIANTS])];
  let lastNetwork: HhError | null = null;
  let tried = 0;

  for (const variant of order) {
    let step: Step;
    try {
      step = await attempt(variant);
    } catch (e) {
      if (e instanceof HhError && e.kind === 'network') {
        // The answer was lost, not necessarily the request: if hh.ru did raise, the next form
        // would only earn a "too early". Look before trying another; if hh.ru can't be read
        // either, stop rather than guess.
        const after = await deps.reread();
        if (moved(after)) {
          await deps.remembered.set(variant);
          return after;
        }
        lastNetwork = e;
        continue;
      }
      throw e;
    }
    tried++;
    if (step === 'next') continue;
    if (step === 'too_early') {
      // A 409 proves the form is alive; a cooling-down card proves nothing about the button.
      if (variant !== 'button') await deps.remembered.set(variant);
      throw tooEarly(await deps.reread());
    }
    // A button press finishes in hh's page; its effect may show a moment later.
    const rereads = variant === 'button' ? 3 : 1;
    for (let i = 0; i < rereads; i++) {
      if (i > 0) await deps.settle(1000 * i);
      const after = await deps.reread();
      if (moved(after)) {
        await deps.remembered.set(variant);
        return after;
      }
    }
  }
  if (tried === 0 && lastNetwork) throw lastNetwork;
  throw noRaisePrompt(origin);

  async function attempt(variant: RaiseVariant): Promise<Step> {
    const target = { origin, path: '/applicant/resumes' };
    if (variant === 'touch') {
      const fields: Array<[string, string]> = [
        ['resume', hash!],
        ['undirectable', 'true'],
      ];
      const a = await page.send(
        { url: '/applicant/resumes/touch', body: { type: 'form', fields }, referrerPath: '/applicant/resumes' },
        target,
      );
      return readRaiseAnswer(a, origin, deps.now());
    }
    if (variant === 'profile') {
      const a = await page.send(
        { url: profileFrontUrl(origin), body: { type: 'json', value: { hash } }, referrerPath: '/applicant/profile/me' },
        target,
      );
      return readRaiseAnswer(a, origin, deps.now());
    }
    const pressed: ButtonOutcome = await page.pressRaise(hash!, origin);
    if (pressed === 'clicked') return 'accepted';
    if (pressed === 'cooling') return 'too_early';
    return 'next';
  }
}

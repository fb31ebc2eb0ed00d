/** Who viewed one resume: employers (names as plain text), when, newest first, page by page. */
import { useEffect, useState } from 'preact/hooks';
import type { ErrorInfo } from '../../lib/hh/errors';
import { errorInfoOf } from '../../lib/reply';
import type { ResumeView, ViewsPage } from '../../lib/hh/model';
import { tr } from '../../lib/i18n';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { Spinner } from '../ui/Spinner';
import { hhImageUrl } from '../ui/safeUrl';
import { clockText, employerLinks } from './format';
import { S } from './strings';

interface Props {
  id: string;
  title: string;
  site: string;
  load(page: number): Promise<ViewsPage>;
}

export function ViewHistory({ id, title, site, load }: Props) {
  const [pages, setPages] = useState<ViewsPage[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);

  const fetchPage = async (page: number) => {
    setBusy(true);
    setError(null);
    try {
      const got = await load(page);
      setPages((have) => [...have.filter((p) => p.page !== got.page), got]);
    } catch (e) {
      setError(errorInfoOf(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    void fetchPage(0);
  }, []);

  const items = pages.flatMap((p) => p.items).sort((a, b) => b.at - a.at);
  const last = pages.at(-1);
  const nextPage = last && last.page + 1 < last.pages ? last.page + 1 : null;
  const now = Date.now();

  return (
    <section class="views" id={id} aria-label={tr(S.viewsOf, { title })} aria-busy={busy}>
      {items.length > 0 && (
        <ol class="views__list">
          {items.map((v, i) => (
            <ViewItem key={`${v.at}-${i}`} view={v} site={site} now={now} />
          ))}
        </ol>
      )}
      {!busy && !error && last && items.length === 0 && <p class="muted">{tr(S.viewsEmpty)}</p>}
      {busy && (
        <p class="muted views__loading">
          <Spinner /> {tr(S.viewsLoading)}
        </p>
      )}
      {error && (
        <ErrorNote error={error}>
          <Button onClick={() => void fetchPage(last ? last.page + 1 : 0)}>{tr(S.retry)}</Button>
        </ErrorNote>
      )}
      {nextPage !== null && !busy && !error && (
        <Button class="views__more" onClick={() => void fetchPage(nextPage)}>
          {tr(S.viewsMore)}
        </Button>
      )}
    </section>
  );
}

function ViewItem({ view, site, now }: { view: ResumeView; site: string; now: number }) {
  const employer = view.employer?.name ? view.employer : null;
  const links = employer ? employerLinks(employer, site) : { page: undefined, vacancies: undefined };
  const [logoBroken, setLogoBroken] = useState(false);
  const logo = logoBroken ? undefined : hhImageUrl(employer?.logoUrl);
  return (
    <li class={`view${view.viewed ? '' : ' view--new'}`} data-testid="view-item" data-anonymous={employer ? undefined : 'true'}>
      {logo ? (
        <img
          class="view__logo"
          src={logo}
          alt=""
          width={32}
          height={32}
          loading="lazy"
          referrerpolicy="no-referrer"
          onError={() => setLogoBroken(true)}
        />
      ) : (
        <span class="view__logo view__logo--none" aria-hidden="true" />
      )}
      <div class="view__body">
        <div class="view__name">{employer ? employer.name : <span class="muted">{tr(S.anonymous)}</span>}</div>
        <div class="view__meta">
          <time dateTime={new Date(view.at).toISOString()}>{clockText(view.at, now)}</time>
          {!view.viewed && <span class="view__new">{tr(S.newView)}</span>}
          {links.page && (
            <a class="ok-link" href={links.page} target="_blank" rel="noreferrer">
              {tr(S.employerPage)}
            </a>
          )}
          {links.vacancies && (
            <a class="ok-link" href={links.vacancies} target="_blank" rel="noreferrer">
              {tr(S.employerVacancies)}
            </a>
          )}
        </div>
      </div>
    </li>
  );
}

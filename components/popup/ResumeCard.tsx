/** One resume: what it is, how visible and complete, who looked, and its raise timer. */
import { useId, useState } from 'preact/hooks';
import type { ViewsPage } from '../../lib/hh/model';
import { tr } from '../../lib/i18n';
import { Button } from '../ui/Button';
import { accessText, resumeHref, statusText, viewsNewText, viewsTotalText } from './format';
import { RaiseBlock, type RaiseBlockProps } from './RaiseBlock';
import { S } from './strings';
import { ViewHistory } from './ViewHistory';

interface Props extends RaiseBlockProps {
  site: string;
  loadViews(page: number): Promise<ViewsPage>;
}

export function ResumeCard({ resume, site, loadViews, ...raise }: Props) {
  const titleId = useId();
  const viewsId = useId();
  const [viewsOpen, setViewsOpen] = useState(false);
  const access = accessText(resume.access);
  const total = resume.totalViews ?? 0;
  const fresh = resume.newViews ?? 0;
  const notes = resume.status === 'blocked' ? (resume.moderationNotes ?? []) : [];

  return (
    <article class="card" data-testid="resume-card" data-resume-id={resume.id} aria-labelledby={titleId}>
      <header class="card__head">
        <h2 class="card__title" id={titleId}>
          <a href={resumeHref(resume, site)} target="_blank" rel="noreferrer">
            {resume.title}
          </a>
        </h2>
        <span class={`status status--${resume.status}`} data-testid="resume-status" data-status={resume.status}>
          {statusText(resume.status)}
        </span>
      </header>

      {notes.length > 0 && (
        <div class="card__notes">
          <strong>{tr(S.moderatorSays)}</strong>
          <ul>
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}

      {resume.progress && (
        <div class="card__progress" data-testid="resume-progress" data-percentage={resume.progress.percentage}>
          <div class="progress-line">
            <span>{tr(S.completeness, { p: resume.progress.percentage })}</span>
            <meter min={0} max={100} low={70} high={90} optimum={100} value={resume.progress.percentage} aria-hidden="true" />
          </div>
          {resume.progress.mandatory.length > 0 && (
            <p class="card__missing">{tr(S.missing, { fields: resume.progress.mandatory.join(', ') })}</p>
          )}
        </div>
      )}

      {access && <p class="card__access muted">{access}</p>}

      <p class="card__views">
        <span data-testid="resume-views-total" data-count={total}>
          {viewsTotalText(total)}
        </span>
        {fresh > 0 && (
          <span class="card__new" data-testid="resume-views-new" data-count={fresh}>
            {viewsNewText(fresh)}
          </span>
        )}
      </p>

      <RaiseBlock resume={resume} {...raise} />

      <Button
        variant="quiet"
        class="card__views-toggle"
        aria-expanded={viewsOpen}
        aria-controls={viewsOpen ? viewsId : undefined}
        onClick={() => setViewsOpen(!viewsOpen)}
        data-testid="views-open"
      >
        {tr(viewsOpen ? S.viewsHide : S.views)}
      </Button>
      {viewsOpen && <ViewHistory id={viewsId} title={resume.title} site={site} load={loadViews} />}
    </article>
  );
}

/**
 * The inbox: the latest applications as the answers poll last saw them (vacancy, employer, resume,
 * state, when, unread), filtered by state, each with its chat on hh.ru. Opening it tells the
 * background the answers were seen: the badge drops.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ErrorInfo } from '../../lib/hh/errors';
import { errorInfoOf } from '../../lib/reply';
import type { Inbox as InboxData, InboxItem, InboxState } from '../../lib/messages';
import { plural, tr } from '../../lib/i18n';
import { Button } from '../ui/Button';
import { ErrorNote } from '../ui/ErrorNote';
import { Spinner } from '../ui/Spinner';
import { isSiteUrl } from '../../lib/hh/sites';
import { clockText } from './format';
import { I, NEW_ANSWERS } from './inbox-strings';
import { S } from './strings';

const STATES: InboxState[] = ['sent', 'viewed', 'invitation', 'interview', 'discard', 'unknown'];

interface Props {
  site: string;
  /** Opens the history page ("Мои отклики"). */
  onHistory(): void;
  /** Answers not seen yet, as stored (the toggle's count before the inbox is opened). */
  unseen: number;
  load(): Promise<InboxData>;
  seen(): Promise<void>;
}

export function Inbox({ site, unseen, load, seen, onHistory }: Props) {
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<InboxData | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [filter, setFilter] = useState<InboxState | 'all'>('all');

  const fetch = async () => {
    setError(null);
    try {
      setData(await load());
      // Shown, so seen: what was new keeps its marker in this view, and the badge drops.
      await seen();
    } catch (e) {
      setError(errorInfoOf(e));
    }
  };

  useEffect(() => {
    if (open) void fetch();
  }, [open]);

  const items = (data?.items ?? []).filter((i) => filter === 'all' || i.state === filter);
  const now = Date.now();
  return (
    <section class="inbox" data-testid="inbox" aria-label={tr(I.open)}>
      <Button
        variant="quiet"
        class="inbox__toggle"
        aria-expanded={open}
        aria-controls={open ? 'inbox-body' : undefined}
        onClick={() => setOpen(!open)}
        data-testid="inbox-open"
      >
        {tr(open ? I.hide : I.open)}
        {!open && unseen > 0 && (
          <span class="inbox__count" data-testid="inbox-unseen" data-count={unseen}>
            {plural(unseen, NEW_ANSWERS)}
          </span>
        )}
      </Button>
      {open && (
        <div id="inbox-body" class="inbox__body" aria-busy={!data && !error}>
          {error && (
            <ErrorNote error={error}>
              <Button onClick={() => void fetch()}>{tr(S.retry)}</Button>
            </ErrorNote>
          )}
          {!data && !error && (
            <p class="muted">
              <Spinner /> {tr(I.loading)}
            </p>
          )}
          {data && (
            <>
              <label class="inbox__filter">
                {tr(I.filter)}{' '}
                <select value={filter} onChange={(e) => setFilter(e.currentTarget.value as InboxState | 'all')} data-testid="inbox-filter">
                  <option value="all">{tr(I.all)}</option>
                  {STATES.map((s) => (
                    <option key={s} value={s}>
                      {tr(I.state[s])}
                    </option>
                  ))}
                </select>
              </label>
              {data.total === 0 && <p class="muted">{tr(I.empty)}</p>}
              {data.total > 0 && items.length === 0 && <p class="muted">{tr(I.emptyFilter)}</p>}
              {items.length > 0 && (
                <ol class="inbox__list">
                  {items.map((i) => (
                    <Row key={i.id} item={i} now={now} />
                  ))}
                </ol>
              )}
              <p class="inbox__foot muted">
                {data.polledAt !== null && <span>{tr(I.polled, { time: clockText(data.polledAt, now) })}</span>}
                <Button variant="quiet" class="inbox__history" onClick={onHistory} data-testid="inbox-history">
                  {tr(I.history)}
                </Button>
                <a class="ok-link" href={`https://${site}/applicant/negotiations`} target="_blank" rel="noreferrer">
                  {tr(I.more, { n: data.total })}
                </a>
              </p>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function Row({ item, now }: { item: InboxItem; now: number }) {
  // Only a link to hh.ru's own pages, whatever a record says.
  const chat = item.chatUrl && isSiteUrl(item.chatUrl) ? item.chatUrl : undefined;
  const state = item.state === 'unknown' && item.rawState ? tr(I.unknownRaw, { raw: item.rawState }) : tr(I.state[item.state]);
  const fresh = item.news !== null || item.unread;
  return (
    <li
      class={`answer answer--${item.state}${fresh ? ' answer--fresh' : ''}`}
      data-testid="inbox-item"
      data-topic-id={item.id}
      data-state={item.state}
      data-unread={item.unread ? 'true' : undefined}
      data-news={item.news ?? undefined}
    >
      <div class="answer__head">
        <span class="answer__state" data-testid="inbox-state">
          {state}
        </span>
        {item.news && <span class="answer__new">{tr(I.news)}</span>}
        {item.unread && (
          <span class="answer__unread" data-testid="inbox-unread">
            {tr(I.unread)}
          </span>
        )}
        <time class="muted" dateTime={new Date(item.at).toISOString()}>
          {clockText(item.at, now)}
        </time>
      </div>
      <div class="answer__vacancy" data-testid="inbox-vacancy">
        {chat ? (
          <a class="ok-link" href={chat} target="_blank" rel="noreferrer" title={tr(I.chat)}>
            {item.vacancyName || tr(I.noVacancy)}
          </a>
        ) : (
          item.vacancyName || tr(I.noVacancy)
        )}
      </div>
      {item.employerName && (
        <div class="answer__employer" data-testid="inbox-employer">
          {item.employerName}
        </div>
      )}
      {item.resumeTitle && <div class="answer__resume muted">{tr(I.resume, { title: item.resumeTitle })}</div>}
    </li>
  );
}

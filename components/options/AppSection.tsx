/** The hh.ru OAuth app: client id and secret, the redirect URI to register, and plain warnings. */
import { useEffect, useState } from 'preact/hooks';
import { lang, tr } from '../../lib/i18n';
import { errorInfoOf, type OptionsApi } from './api';
import { S } from './strings';

type Note = { kind: 'ok' | 'bad'; text: string } | null;

export function AppSection({ api, onSaved }: { api: OptionsApi; onSaved: () => void }) {
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [showSecret, setShowSecret] = useState(false);
  const [saved, setSaved] = useState<Note>(null);
  const [copied, setCopied] = useState<Note>(null);
  const [storedId, setStoredId] = useState<string | null>(null);
  const redirect = api.redirectUrl();

  useEffect(() => {
    api.app().then((app) => {
      setClientId(app.clientId);
      setClientSecret(app.clientSecret);
      setStoredId(app.clientId);
    });
  }, [api]);

  const save = async (e: Event) => {
    e.preventDefault();
    try {
      await api.saveApp({ clientId, clientSecret });
      setStoredId(clientId.trim());
      setSaved({ kind: 'ok', text: tr(S.saved) });
      onSaved();
    } catch (err) {
      setSaved({ kind: 'bad', text: tr(S.saveFailed, { reason: errorInfoOf(err)[lang()] }) });
    }
  };

  const copy = async () => {
    try {
      await api.copy(redirect);
      setCopied({ kind: 'ok', text: tr(S.copied) });
    } catch {
      setCopied({ kind: 'bad', text: tr(S.copyFailed) });
    }
  };

  const secretField = {
    id: 'client-secret',
    class: 'mono',
    autocomplete: 'off',
    spellcheck: false,
    value: clientSecret,
    onInput: (e: Event) => setClientSecret((e.currentTarget as HTMLInputElement).value),
    'data-testid': 'app-client-secret',
  };

  return (
    <section class="card" aria-labelledby="app-h" data-testid="app">
      <h2 id="app-h">{tr(S.app)}</h2>
      <p>{tr(S.appIntro)}</p>
      {storedId === '' && (
        <p class="warn" data-testid="app-missing">
          {tr(S.noClientId)}
        </p>
      )}

      <label for="redirect-url">{tr(S.redirectUrl)}</label>
      <div class="row">
        <input id="redirect-url" class="grow mono" readOnly value={redirect} data-testid="redirect-url" />
        <button type="button" onClick={copy} data-testid="copy-redirect">
          {tr(S.copy)}
        </button>
      </div>
      {copied && (
        <p class={copied.kind} aria-live="polite" data-testid="copy-note">
          {copied.text}
        </p>
      )}
      <p class="muted">{tr(S.redirectHelp)}</p>

      <form onSubmit={save}>
        <label for="client-id">{tr(S.clientId)}</label>
        <input
          id="client-id"
          class="mono"
          autocomplete="off"
          spellcheck={false}
          value={clientId}
          onInput={(e) => setClientId(e.currentTarget.value)}
          data-testid="app-client-id"
        />
        <label for="client-secret">{tr(S.clientSecret)}</label>
        {showSecret ? <input type="text" {...secretField} /> : <input type="password" {...secretField} />}
        <label class="check">
          <input type="checkbox" checked={showSecret} onChange={(e) => setShowSecret(e.currentTarget.checked)} />
          {tr(S.showSecret)}
        </label>
        <p class="warn" data-testid="secret-warning">
          {tr(S.secretWarning)}
        </p>
        <div class="row">
          <button type="submit" class="primary" data-testid="app-save">
            {tr(S.save)}
          </button>
          {saved && (
            <span class={saved.kind} aria-live="polite" data-testid="app-saved">
              {saved.text}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

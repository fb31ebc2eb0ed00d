/** The settings page's words. `{x}` placeholders are filled by `tr`. */
export const S = {
  title: { ru: 'Настройки Отклика', en: 'Otklik settings' },
  welcome: {
    ru: 'С чего начать: два способа подключения, что Отклик делает и чего не делает никогда',
    en: 'Getting started: the two ways to connect, what Otklik does and never does',
  },

  account: { ru: 'Аккаунт', en: 'Account' },
  checking: { ru: 'Проверяем вход…', en: 'Checking your sign-in…' },
  signedInApi: { ru: 'Вы вошли как {name} через API hh.ru.', en: 'Signed in as {name} through the hh.ru API.' },
  signedInSite: {
    ru: 'Отклик работает через ваш вход на {site}: {name}.',
    en: 'Otklik works through your {site} login: {name}.',
  },
  notSignedIn: { ru: 'Вы не вошли.', en: 'You are not signed in.' },
  signIn: { ru: 'Войти через {site}', en: 'Sign in with {site}' },
  signingIn: { ru: 'Открываем {site}…', en: 'Opening {site}…' },
  signOut: { ru: 'Выйти', en: 'Sign out' },
  signedOut: {
    ru: 'Вы вышли: токен отозван, данные аккаунта удалены из Отклика.',
    en: 'You are signed out: the token is revoked and the account’s data is removed from Otklik.',
  },
  paused: {
    ru: 'Автоматическая работа приостановлена: {reason}',
    en: 'Automatic work is paused: {reason}',
  },
  unknownName: { ru: 'без имени', en: 'no name' },

  app: { ru: 'Приложение hh.ru (для входа через API)', en: 'The hh.ru app (to sign in through the API)' },
  appIntro: {
    ru: 'Вход через официальный API hh.ru требует приложения, зарегистрированного на dev.hh.ru. Без client id вход через API не работает — тогда Отклик использует ваш обычный вход на hh.ru.',
    en: 'Signing in through the official hh.ru API needs an app registered at dev.hh.ru. Nothing works through the API without a client id; Otklik then uses your ordinary hh.ru login.',
  },
  noClientId: {
    ru: 'Client id не указан: вход через API невозможен.',
    en: 'No client id is set: signing in through the API is not possible.',
  },
  clientId: { ru: 'Client ID', en: 'Client ID' },
  clientSecret: { ru: 'Client secret', en: 'Client secret' },
  showSecret: { ru: 'Показать secret', en: 'Show the secret' },
  save: { ru: 'Сохранить', en: 'Save' },
  saved: { ru: 'Сохранено.', en: 'Saved.' },
  saveFailed: { ru: 'Не удалось сохранить: {reason}', en: 'Could not save: {reason}' },
  redirectUrl: { ru: 'Redirect URI для этого браузера', en: 'Redirect URI for this browser' },
  redirectHelp: {
    ru: 'На dev.hh.ru создайте приложение и укажите в нём ровно этот Redirect URI. Затем скопируйте сюда его Client ID и Client secret.',
    en: 'At dev.hh.ru, create an app and enter exactly this Redirect URI in it. Then copy its Client ID and Client secret here.',
  },
  copy: { ru: 'Копировать', en: 'Copy' },
  copied: { ru: 'Скопировано.', en: 'Copied.' },
  copyFailed: { ru: 'Не удалось скопировать: выделите адрес и скопируйте вручную.', en: 'Could not copy: select the address and copy it by hand.' },
  secretWarning: {
    ru: 'Важно: client secret внутри расширения не является секретом. Любой, у кого есть этот браузер или файлы расширения, может его прочитать. Используйте приложение, созданное только для себя.',
    en: 'Important: a client secret inside an extension is not secret. Anyone with this browser or the extension’s files can read it. Use an app you created for yourself only.',
  },

  gateway: { ru: 'Как Отклик работает с hh.ru', en: 'How Otklik talks to hh.ru' },
  gatewayAuto: { ru: 'Автоматически', en: 'Automatic' },
  gatewayAutoHelp: {
    ru: 'API hh.ru, если приложение подключено и hh.ru его пускает; иначе ваш вход на hh.ru.',
    en: 'The hh.ru API when the app is connected and hh.ru lets it in; otherwise your hh.ru login.',
  },
  gatewayApi: { ru: 'Только официальный API', en: 'Official API only' },
  gatewayApiHelp: { ru: 'Нужны приложение и вход через API.', en: 'Needs the app and an API sign-in.' },
  gatewaySite: { ru: 'Только вход на hh.ru', en: 'hh.ru login only' },
  gatewaySiteHelp: {
    ru: 'Отклик делает то же, что страницы hh.ru, от вашего имени в этом браузере.',
    en: 'Otklik does what hh.ru’s own pages do, as you, in this browser.',
  },

  site: { ru: 'Сайт', en: 'Site' },
  siteHelp: { ru: 'Где вы ищете работу.', en: 'Where you look for work.' },
  siteAuto: { ru: 'Автоматически: где вы вошли', en: 'Automatic: where you are logged in' },
  siteAutoHelp: {
    ru: 'Отклик работает с тем сайтом, на котором вы вошли как соискатель, а на странице вакансии — с сайтом этой страницы.',
    en: 'Otklik works with the site you are logged in to as a job seeker, and on a vacancy page with that page’s site.',
  },

  quiet: { ru: 'Тихие часы для автоподнятия', en: 'Quiet hours for auto-raise' },
  quietEnabled: { ru: 'Не поднимать резюме автоматически в это время', en: 'Do not raise resumes automatically during these hours' },
  quietFrom: { ru: 'С', en: 'From' },
  quietTo: { ru: 'До', en: 'To' },

  templates: { ru: 'Шаблоны писем', en: 'Letter templates' },
  templatesHelp: {
    ru: 'В тексте можно использовать {vacancy} — название вакансии, {company} — компанию, {name} — ваше имя. Отклик подставит их при вставке шаблона.',
    en: 'The text may use {vacancy} for the vacancy title, {company} for the company and {name} for your name. Otklik fills them in when it inserts the template.',
  },
  templateName: { ru: 'Название', en: 'Name' },
  templateText: { ru: 'Текст письма', en: 'Letter text' },
  templateDelete: { ru: 'Удалить шаблон «{name}»', en: 'Delete the template “{name}”' },
  delete: { ru: 'Удалить', en: 'Delete' },
  templateAdd: { ru: 'Добавить шаблон', en: 'Add a template' },
  templateNew: { ru: 'Новый шаблон', en: 'New template' },
  noTemplates: { ru: 'Шаблонов пока нет.', en: 'No templates yet.' },

  search: { ru: 'Поиск вакансий', en: 'Vacancy search' },
  dimHidden: {
    ru: 'Приглушать вакансии, где мне отказали или которые я скрыл',
    en: 'Dim vacancies that rejected me or that I hid',
  },
} as const;

/** The first-run page's words. `{x}` placeholders are filled by `tr`. */
export const S = {
  title: { ru: 'Отклик установлен', en: 'Otklik is installed' },
  intro: {
    ru: 'Отклик помогает искать работу на hh.ru: на странице вакансии показывает, какие ваши резюме ей подходят, и откликается в один клик; в поиске отмечает вакансии, где вы уже откликались; в панели браузера показывает просмотры резюме и поднимает их, когда hh.ru разрешает.',
    en: 'Otklik helps you look for work on hh.ru: on a vacancy page it shows which of your resumes fit and applies in one click; in search it marks the vacancies you already applied to; in the toolbar it shows your resume views and raises resumes when hh.ru allows.',
  },

  login: { ru: 'Ваш вход на hh.ru', en: 'Your hh.ru login' },
  checking: { ru: 'Проверяем, вошли ли вы на {site}…', en: 'Checking whether you are logged in on {site}…' },
  applicant: {
    ru: 'Вы вошли на {site} как соискатель: {name}. Всё готово — больше ничего настраивать не нужно.',
    en: 'You are logged in on {site} as a job seeker: {name}. All set, nothing else to configure.',
  },
  api: {
    ru: 'Отклик подключён через официальный API hh.ru: {name}.',
    en: 'Otklik is connected through the official hh.ru API: {name}.',
  },
  signedOut: {
    ru: 'Вы не вошли на {site} как соискатель. Войдите в этом браузере — эта страница обновится сама, когда вы вернётесь.',
    en: 'You are not logged in on {site} as a job seeker. Log in in this browser; this page updates by itself when you come back.',
  },
  unknown: {
    ru: 'Не удалось проверить вход: {reason}',
    en: 'Could not check your login: {reason}',
  },
  logIn: { ru: 'Войти на {site}', en: 'Log in on {site}' },
  checkAgain: { ru: 'Проверить снова', en: 'Check again' },
  unknownName: { ru: 'без имени', en: 'no name' },

  ways: { ru: 'Два способа подключения', en: 'Two ways to connect' },
  waySite: { ru: 'Ваш вход на hh.ru — по умолчанию', en: 'Your hh.ru login (the default)' },
  waySiteText: {
    ru: 'Войдите на hh.ru или сайт-сестру (hh.kz, rabota.by, hh.uz, hh1.az, headhunter.ge, headhunter.kg) в этом браузере как соискатель. Отклик делает то же, что страницы hh.ru, от вашего имени. Сайт выбирается в настройках.',
    en: 'Log in on hh.ru or a sister site (hh.kz, rabota.by, hh.uz, hh1.az, headhunter.ge, headhunter.kg) in this browser as a job seeker. Otklik does what hh.ru’s own pages do, as you. The site is picked in settings.',
  },
  wayApi: { ru: 'Официальный API hh.ru (OAuth)', en: 'The official hh.ru API (OAuth)' },
  wayApiText: {
    ru: 'Нужно своё приложение, зарегистрированное на dev.hh.ru: его client id и secret вводятся в настройках Отклика. С декабря 2025 года hh.ru закрыл сторонним приложениям большинство методов соискателя, поэтому этот путь подойдёт не всем.',
    en: 'Needs your own app registered at dev.hh.ru: its client id and secret go into Otklik’s settings. Since December 2025 hh.ru has closed most job-seeker methods to third-party apps, so this way is not for everyone.',
  },
  openSettings: { ru: 'Открыть настройки', en: 'Open settings' },

  does: { ru: 'Что делает Отклик', en: 'What Otklik does' },
  does1: {
    ru: 'Показывает на странице вакансии, какие резюме подходят и почему, и откликается по вашему нажатию — с письмом, если нужно.',
    en: 'Shows on a vacancy page which resumes fit and why, and applies when you press the button, with a letter if needed.',
  },
  does2: { ru: 'Отмечает в поиске вакансии, где вы уже откликались, получили приглашение или отказ.', en: 'Marks in search the vacancies you applied to, were invited on or rejected on.' },
  does3: {
    ru: 'Показывает просмотры резюме и время до следующего поднятия; поднимает по нажатию или сам — только для резюме, где вы включили автоподнятие.',
    en: 'Shows resume views and the time until the next raise; raises when you press the button, or by itself only for the resumes where you turned auto-raise on.',
  },

  never: { ru: 'Чего Отклик не делает никогда', en: 'What Otklik never does' },
  never1: {
    ru: 'Ничего не отправляет без вашего нажатия или явно включённой настройки (автоподнятие).',
    en: 'Sends nothing without your click or a setting you turned on yourself (auto-raise).',
  },
  never2: {
    ru: 'Не решает капчу: если hh.ru её просит, вся автоматическая работа останавливается и ждёт вас.',
    en: 'Never solves captchas: when hh.ru asks for one, all automatic work stops and waits for you.',
  },
  never3: {
    ru: 'Не связывается ни с кем, кроме hh.ru, его сайтов-сестёр и api.hh.ru (логотипы работодателей — с hhcdn.ru). Без аналитики и своих серверов.',
    en: 'Contacts no one but hh.ru, its sister sites and api.hh.ru (employer logos come from hhcdn.ru). No analytics, no servers of its own.',
  },

  try: { ru: 'Попробовать на вакансии', en: 'Try it on a vacancy' },
  tryHint: {
    ru: 'Откройте любую вакансию из поиска: панель Отклика появится справа.',
    en: 'Open any vacancy from search: Otklik’s panel appears beside it.',
  },
  later: {
    ru: 'Эта страница всегда доступна из настроек Отклика.',
    en: 'This page is always available from Otklik’s settings.',
  },
} as const;

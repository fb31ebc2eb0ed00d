import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { HOST_PERMISSIONS, SEARCH_MATCHES, VACANCY_MATCHES } from './lib/hh/sites';

/**
 * Public half of a throwaway key, used only in the e2e build so the test extension id is stable
 * (mlmfmijdoifemilgnkcpapbabjlkldgo). The private half was never kept: it is not needed to load
 * an unpacked extension.
 */
const E2E_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAiSu5xNQrz2lXR09emgLXB5ioM8gFIX66Qkb/8ji/NAJG/dqGZjZqBbQTbvqWK6RXQJhXEY2gbohjOhsG9Ih5iv5SOahLrbxwdTaKHe2CxZoZroDhgZDoXdbXgUUA52MqPzIadTn+g3uHlS3ndwWx7aAfTirEueWCPLC7tgyiAHqf2F7H9rpfFWi7KZQX+njaS95rRam8BcyGpjhejlQ3unNZXpIc198xvdo4I/wAkS6f22DEjih3YT4q+NtrA3abKpGZ+4GbgQHo3uRywbs9cbC2ie7qGJwFHS3ufTiYsTGeLQP+w60lvnJf2yaUpTGJrdDK0f0kTR6jbPNEel+zUQIDAQAB';

/**
 * popup.html as its first frame needs it (components/popup/first-frame.ts, issue #17): each file an
 * extension page fetches before its first frame costs that frame ~10 ms here (CDP trace: the
 * browser answers a page's chrome-extension:// requests one after another), so the stylesheet is
 * inlined (the extension CSP forbids inline script, not inline style) and the module script, not
 * needed for that frame, is moved behind the classic first-frame script: that script is then the
 * page's first request and the only one its first frame waits for. (Measured: the module as one
 * chunk, its work held until after that frame, costs the kept frame no more than a small module
 * that imports the rest later, and a popup with nothing kept one request less.) A meta tag names
 * the build (the module's hashed file), so a first frame kept by another build is not drawn.
 */
function popupFirstFrame(): Plugin {
  return {
    name: 'otklik:popup-first-frame',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!/[\\/]popup[\\/]index\.html$/.test(ctx.filename)) return html;
        const bundle = ctx.bundle;
        const styled = html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (_tag, file: string) => {
          const asset = bundle?.[file];
          if (!bundle || asset?.type !== 'asset') throw new Error(`popup.html: no stylesheet ${file} in the bundle`);
          // Nothing else loads it (the popup's components import their styles through main.ts).
          delete bundle[file];
          return `<style>${String(asset.source).trim()}</style>`;
        });
        const module = /<script type="module"[^>]*src="([^"]+)"[^>]*><\/script>/.exec(styled);
        if (!module || !/<script\s+src="\/popup-first\.js"\s*><\/script>/.test(styled)) {
          throw new Error('popup.html: expected its module script and <script src="/popup-first.js">');
        }
        return styled
          .replace(module[0], `<meta name="otklik-build" content="${module[1]}">`)
          .replace('</body>', `  ${module[0]}\n  </body>`);
      },
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact(), popupFirstFrame()] }),
  hooks: {
    // entrypoints/e2e.html is the Firefox harness's foothold (tests/e2e/firefox): never in a store build.
    'entrypoints:found': (wxt, infos) => {
      if (wxt.config.mode === 'e2e') return;
      const at = infos.findIndex((e) => e.name === 'e2e');
      if (at >= 0) infos.splice(at, 1);
    },
    // The popup is built on its own, not with the other pages: sharing chunks with them would split
    // its first frame's code over several files, each one more request before the cards (issue #17).
    'entrypoints:grouped': (_wxt, groups) => {
      const shared = groups.find((g) => Array.isArray(g) && g.length > 1 && g.some((e) => e.type === 'popup'));
      if (Array.isArray(shared)) groups.push(shared.splice(shared.findIndex((e) => e.type === 'popup'), 1));
    },
  },
  zip: {
    artifactTemplate: 'otklik-{{version}}-{{browser}}.zip',
    sourcesTemplate: 'otklik-{{version}}-sources.zip',
    // The sources zip is what AMO reviewers and tests/repro.ts build from: everything but build
    // output, test results, pictures no build reads, and local env files (they may hold a client id).
    excludeSources: [
      '.output/**',
      'test-results/**',
      'playwright-report/**',
      '.cache/**',
      '.env*',
      'store/screenshots/**',
      'docs/*.png',
    ],
  },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    // storage: settings and drafts; identity: OAuth; alarms: raise timers and badge refresh;
    // notifications: auto-raise results; scripting: site-session writes run inside an hh.ru tab.
    permissions: ['storage', 'identity', 'alarms', 'notifications', 'scripting'],
    host_permissions: HOST_PERMISSIONS,
    action: { default_title: '__MSG_extName__' },
    // The content scripts are unlisted scripts declared here, not WXT content scripts: see
    // entrypoints/search.ts (WXT's content-script wrapper and the polyfill cost more than a page's budget).
    content_scripts: [
      { matches: VACANCY_MATCHES, js: ['vacancy.js'], run_at: 'document_start' },
      { matches: SEARCH_MATCHES, js: ['search.js'], run_at: 'document_start' },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'otklik@otklik.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
    ...(mode === 'e2e' && browser !== 'firefox' ? { key: E2E_PUBLIC_KEY } : {}),
  }),
});

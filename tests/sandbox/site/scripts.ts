/** Small pieces of hh.ru's front end shared by several pages (inline, no build step). */

/** Reads the `_xsrf` cookie the way hh.ru's scripts do: the value a write must echo. */
export const READ_XSRF = `function hhXsrf() {
  var m = document.cookie.match(/(?:^|;\\s*)_xsrf=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : '';
}`;

/** Plain forms (login, captcha) post the cookie's value in their `_xsrf` field. */
export const XSRF_FROM_COOKIE = `(function () {
  ${READ_XSRF}
  document.querySelectorAll('form[data-xsrf-form]').forEach(function (form) {
    form.addEventListener('submit', function () {
      var field = form.querySelector('input[name="_xsrf"]');
      if (field) field.value = hhXsrf();
    });
  });
})();`;

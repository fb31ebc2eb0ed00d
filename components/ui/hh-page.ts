/**
 * What the content scripts read of hh.ru's document itself (hh-site.md): the page state's text
 * and hh.ru's build string. A content script cannot read page globals, so both come from markup.
 */

/** The text of `<template id="HH-Lux-InitialState">` (plain JSON in the live DOM), or null. */
export function stateText(): string | null {
  return document.querySelector<HTMLTemplateElement>('template#HH-Lux-InitialState')?.content.textContent ?? null;
}

/** `window.globalVars.build`, from the global-vars script's text; null when it is not there. */
export function pageBuild(): string | null {
  const vars = document.getElementById('js-script-global-vars')?.textContent ?? '';
  return /"build"\s*:\s*"([^"]{1,64})"/.exec(vars)?.[1] ?? null;
}

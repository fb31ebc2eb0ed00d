/**
 * A fresh custom-element name per page for the elements we add to hh.ru's DOM: hh.ru's scripts
 * look for known extensions by their DOM, so nothing of ours carries a stable name or class.
 */
export function randomHostName(): string {
  const word = () => Array.from({ length: 5 + Math.floor(Math.random() * 3) }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  return `${word()}-${word()}`;
}

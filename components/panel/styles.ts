/**
 * The panel's CSS, inside its shadow root (after the host's `all: initial`). px only: `rem`
 * would follow hh.ru's root font size.
 * A string, not a .css file: a stylesheet the page could fetch would need web_accessible_resources.
 */
export const PANEL_CSS = `
:host { display: block !important; margin: 12px 0 !important; max-width: 480px !important; }
.root {
  --bg: #ffffff; --fg: #1d1f23; --muted: #6b7077; --line: #e3e5e8; --accent: #0070ff; --accent-fg: #ffffff;
  --ok: #0a8a3a; --warn: #b25e00; --bad: #d0262f; --card: #f6f7f9;
  box-sizing: border-box; font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
  color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 12px;
  box-shadow: 0 2px 10px rgba(0, 0, 0, 0.06); text-align: left;
}
@media (prefers-color-scheme: dark) {
  .root { --bg: #17181b; --fg: #e9eaec; --muted: #9aa0a8; --line: #2d3036; --accent: #4d9bff; --accent-fg: #0b0c0e;
    --ok: #43c46f; --warn: #f0a33a; --bad: #ff6b6b; --card: #202226; }
}
.float > .root { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; width: 360px; max-height: 80vh; overflow: auto; }
.root *, .root *::before, .root *::after { box-sizing: border-box; }
header { display: flex; align-items: center; gap: 8px; padding: 8px 12px; }
header .brand { font-weight: 600; }
header .summary { flex: 1; min-width: 0; color: var(--muted); font-size: 13px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.toggle { margin-left: auto; border: 0; background: none; color: var(--muted); font: inherit; font-size: 16px; cursor: pointer; padding: 0 4px; line-height: 1; }
.body { padding: 0 12px 12px; display: flex; flex-direction: column; gap: 10px; }
.note { margin: 0; color: var(--muted); font-size: 13px; }
.warn { margin: 0; color: var(--warn); font-size: 13px; }
.bad { margin: 0; color: var(--bad); }
.detail { margin-top: 4px; font-size: 11px; color: var(--muted); }
.detail code { word-break: break-all; }
.good { margin: 0; color: var(--ok); font-weight: 600; }
ul.resumes { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
ul.resumes li { margin: 0; }
.resume { display: grid; grid-template-columns: 18px 1fr auto; gap: 2px 8px; align-items: start; padding: 6px 8px; border-radius: 8px; cursor: pointer; }
label.resume:hover { background: var(--card); }
.resume.wait .why { opacity: 0.8; }
label.resume.off { cursor: default; opacity: 0.55; }
label.resume input { margin: 3px 0 0; }
.resume .title { font-weight: 500; overflow-wrap: anywhere; }
.resume .score { font-weight: 600; font-variant-numeric: tabular-nums; }
.resume .score.hi { color: var(--ok); }
.resume .score.mid { color: var(--warn); }
.resume .why { grid-column: 2 / 4; color: var(--muted); font-size: 12px; }
.field { display: flex; flex-direction: column; gap: 4px; }
.field .row { display: flex; align-items: center; gap: 8px; justify-content: space-between; font-size: 13px; }
.field .row .req { color: var(--muted); }
select, textarea { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 8px; }
select { font-size: 13px; padding: 2px 4px; max-width: 50%; }
textarea { width: 100%; min-height: 96px; resize: vertical; padding: 6px 8px; }
textarea:focus, select:focus, button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.count { color: var(--muted); font-size: 12px; text-align: right; }
.actions { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
button.primary { font: inherit; font-weight: 600; border: 0; border-radius: 8px; padding: 8px 16px; background: var(--accent); color: var(--accent-fg); cursor: pointer; }
button.primary:disabled { opacity: 0.5; cursor: default; }
button.link { font: inherit; border: 0; background: none; color: var(--accent); padding: 0; cursor: pointer; text-decoration: underline; }
a { color: var(--accent); }
.via { color: var(--muted); font-size: 12px; }
label.check { display: flex; align-items: center; gap: 6px; font-size: 13px; cursor: pointer; }
.lists { gap: 4px; }
`;

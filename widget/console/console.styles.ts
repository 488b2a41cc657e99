import { css } from 'lit';

/**
 * The console's look, on top of the reader widget's (rembuk-thread.styles.ts): the same
 * `--rembuk-*` tokens, fields, buttons and focus rings, so a moderator sees the product they
 * moderate. What is added is the console's own furniture: header, tabs, item cards, marks,
 * dialogs, tables and the chart.
 */
export const consoleStyles = css`
  :host {
    --_mark: var(--rembuk-color-mark, color-mix(in srgb, #f2b705 45%, transparent));
    --_ok: var(--rembuk-color-ok, #1b6e3a);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_ok: var(--rembuk-color-ok, #7ad19a);
    }
  }
  a {
    color: var(--_accent);
  }
  a:focus-visible,
  select:focus-visible,
  [tabindex]:focus-visible,
  input[type='checkbox']:focus-visible,
  input[type='radio']:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  select {
    font: inherit;
    color: inherit;
    background: var(--rembuk-color-input-background, color-mix(in srgb, Canvas 92%, transparent));
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.4em 0.5em;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button.primary {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  button.danger {
    background: transparent;
    color: var(--_danger);
    border-color: var(--_danger);
  }
  button.small {
    padding: 0.25em 0.7em;
    font-size: 0.9em;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .status-line {
    min-height: 1.5em;
    margin: 0.5em 0;
  }
  .status-line.error {
    color: var(--_danger);
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    border-bottom: 1px solid var(--_border);
    margin: 0 0 var(--_space);
  }
  .tabs [role='tab'] {
    border: 1px solid transparent;
    border-bottom: 3px solid transparent;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: transparent;
    color: inherit;
    padding: 0.5em 0.9em;
  }
  .tabs [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_accent);
    color: var(--_accent);
  }
  .count {
    display: inline-block;
    min-width: 1.6em;
    margin-left: 0.35em;
    padding: 0 0.4em;
    border-radius: 999px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    font-size: 0.8em;
    font-variant-numeric: tabular-nums;
    text-align: center;
  }
  form.toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5em;
    margin: 0 0 var(--_space);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
  }
  form.toolbar label {
    font-weight: 600;
  }
  form.toolbar input {
    max-width: 14em;
  }
  .item {
    position: relative;
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .item.focused {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  .item:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .item .text {
    margin: 0.5em 0;
    padding: 0.5em 0.75em;
    border-left: 3px solid var(--_border);
  }
  mark {
    background: var(--_mark);
    color: inherit;
    border-radius: 2px;
    padding: 0 0.1em;
  }
  .badge-pill {
    display: inline-block;
    padding: 0 0.5em;
    border-radius: 999px;
    font-size: 0.8em;
    font-weight: 700;
    border: 1px solid currentColor;
  }
  .badge-pill.banned {
    color: var(--_danger);
  }
  .badge-pill.trusted {
    color: var(--_ok);
  }
  .reasons,
  .reports {
    margin: 0.25em 0;
    padding-left: 1.25em;
    font-size: 0.9em;
  }
  .parent {
    margin: 0.25em 0;
    padding: 0.25em 0.75em;
    border-left: 3px dashed var(--_border);
    color: var(--_muted);
    font-size: 0.9em;
    white-space: pre-wrap;
  }
  dl.facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.15em 1em;
    margin: 0.25em 0;
    font-size: 0.85em;
  }
  dl.facts div {
    display: flex;
    gap: 0.35em;
  }
  dl.facts dt {
    color: var(--_muted);
  }
  dl.facts dd {
    margin: 0;
  }
  .bulk {
    position: sticky;
    top: 0;
    z-index: 1;
    margin: 0 0 0.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: Canvas;
  }
  dialog {
    max-width: min(36em, 92vw);
    padding: var(--_space);
    color: var(--_text);
    background: Canvas;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  dialog::backdrop {
    background: color-mix(in srgb, #000 40%, transparent);
  }
  dialog h2 {
    margin: 0 0 0.75em;
    font-size: 1.15em;
  }
  dialog form {
    margin: 0;
    padding: 0;
    border: 0;
    background: transparent;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
    padding: 0.5em 0.75em;
  }
  legend {
    font-weight: 600;
    font-size: 0.9em;
  }
  label.choice {
    display: flex;
    flex-direction: row;
    align-items: center;
    gap: 0.5em;
    font-weight: 400;
  }
  label.choice input {
    width: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9em;
  }
  caption {
    text-align: left;
    font-weight: 600;
    margin-bottom: 0.25em;
  }
  th,
  td {
    text-align: left;
    padding: 0.35em 0.5em;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  kbd {
    display: inline-block;
    min-width: 1.6em;
    padding: 0 0.35em;
    border: 1px solid var(--_border);
    border-bottom-width: 2px;
    border-radius: 4px;
    font: inherit;
    font-size: 0.85em;
    text-align: center;
  }
`;

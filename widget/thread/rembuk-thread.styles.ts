import { css } from 'lit';

/**
 * Theming: every look the site may want to change is a `--rembuk-*` custom property (set on
 * `rembuk-thread` or any ancestor), and every block has a `part` for finer `::part()` rules.
 * The neutral tints are mixed from the current text colour. Light (the default on a light
 * system, or `theme="light"`) inherits the page's text colour and font on a transparent
 * background. Dark (a dark system, or `theme="dark"`) sets its own text and background too:
 * a light page on a dark system must not get light text or pale amber on white (the "half
 * switch" that made the held note 1.5:1). Every default pair, disabled buttons included, is
 * at least 4.5:1 in both themes (text on background, surface and the held comment's tint);
 * field borders and focus rings at least 3:1.
 */
export const threadStyles = css`
  :host {
    --_font: var(--rembuk-font, inherit);
    --_font-size: var(--rembuk-font-size, 1rem);
    --_text: var(--rembuk-color-text, currentColor);
    --_muted: var(--rembuk-color-muted, color-mix(in srgb, currentColor 72%, transparent));
    --_bg: var(--rembuk-color-background, transparent);
    --_surface: var(--rembuk-color-surface, color-mix(in srgb, currentColor 4%, transparent));
    --_border: var(--rembuk-color-border, color-mix(in srgb, currentColor 18%, transparent));
    --_field-border: var(--rembuk-color-border, color-mix(in srgb, currentColor 50%, transparent));
    --_accent: var(--rembuk-color-accent, #0b5cad);
    --_accent-text: var(--rembuk-color-accent-text, #fff);
    --_danger: var(--rembuk-color-danger, #b3261e);
    --_pending: var(--rembuk-color-pending, #8a5a00);
    --_pending-bg: var(--rembuk-color-pending-background, color-mix(in srgb, #f2b705 14%, transparent));
    --_radius: var(--rembuk-radius, 8px);
    --_space: var(--rembuk-spacing, 1rem);

    display: block;
    box-sizing: border-box;
    max-width: 100%;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_bg);
    overflow-wrap: anywhere;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      color-scheme: dark;
      --_text: var(--rembuk-color-text, #e8eaed);
      --_bg: var(--rembuk-color-background, #17191d);
      --_accent: var(--rembuk-color-accent, #6cb0ff);
      --_accent-text: var(--rembuk-color-accent-text, #06213d);
      --_danger: var(--rembuk-color-danger, #ff8a80);
      --_pending: var(--rembuk-color-pending, #f5c451);
      /* Its own background: the text must not touch that background's edge. */
      padding: var(--_space);
      border-radius: var(--_radius);
    }
  }
  :host([theme='dark']) {
    color-scheme: dark;
    --_text: var(--rembuk-color-text, #e8eaed);
    --_bg: var(--rembuk-color-background, #17191d);
    --_accent: var(--rembuk-color-accent, #6cb0ff);
    --_accent-text: var(--rembuk-color-accent-text, #06213d);
    --_danger: var(--rembuk-color-danger, #ff8a80);
    --_pending: var(--rembuk-color-pending, #f5c451);
    padding: var(--_space);
    border-radius: var(--_radius);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .heading {
    margin: 0 0 calc(var(--_space) * 0.75);
    font-size: 1.25em;
    line-height: 1.3;
  }

  .notice {
    margin: 0 0 var(--_space);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border-radius: var(--_radius);
    background: var(--_surface);
    border: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 0.9em;
  }
  .notice:empty {
    display: none;
  }

  form {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  label {
    display: grid;
    gap: 0.25em;
    font-size: 0.9em;
    font-weight: 600;
  }
  input,
  textarea {
    width: 100%;
    min-width: 0;
    font: inherit;
    font-weight: 400;
    font-size: max(1rem, 16px); /* 16px keeps iOS from zooming in on focus */
    color: inherit;
    background: var(--rembuk-color-input-background, color-mix(in srgb, Canvas 92%, transparent));
    border: 1px solid var(--_field-border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.5em 0.65em;
  }
  input {
    max-width: 24em;
  }
  textarea {
    min-height: 6em;
    resize: vertical;
  }
  ::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  input:focus-visible,
  textarea:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }
  .counter {
    color: var(--_muted);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  .hint {
    margin-left: auto;
  }
  .counter.over {
    color: var(--_danger);
    font-weight: 600;
  }
  button {
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.5em 1.1em;
    border: 1px solid var(--_accent);
  }
  .post {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  /* Dimmed by colour, not opacity, so its label keeps its contrast. */
  button:disabled {
    color: var(--_muted);
    background: var(--_surface);
    border-color: var(--_border);
    cursor: not-allowed;
  }
  .error {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9em;
  }
  .error:empty,
  .queued:empty {
    display: none;
  }
  .queued {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }

  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .comment {
    padding: calc(var(--_space) * 0.75) 0 0;
    border-top: 1px solid var(--_border);
  }
  .comment.pending {
    padding: calc(var(--_space) * 0.75);
    border: 1px dashed var(--_pending);
    border-radius: var(--_radius);
    background: var(--_pending-bg);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5em;
    margin: 0 0 0.25em;
  }
  .author {
    font-weight: 700;
  }
  .time {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .text p {
    margin: 0;
    white-space: pre-wrap;
  }
  .text p + p {
    margin-top: 0.6em;
  }
  .text a {
    color: var(--_accent);
  }
  code {
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
    padding: 0 0.2em;
    border-radius: 4px;
    background: var(--_surface);
  }
  .badge {
    margin: 0.5em 0 0;
    color: var(--_pending);
    font-size: 0.85em;
  }
  .reason {
    margin: 0.15em 0 0;
    color: var(--_muted);
    font-size: 0.85em;
  }
  /* Reporting and "show more": quiet controls, so they do not compete with the comment. */
  .show-more,
  .report {
    margin: 0.35em 0 0;
    padding: 0.1em 0.4em;
    border: 1px solid transparent;
    background: transparent;
    color: var(--_muted);
    font-size: 0.8em;
    font-weight: 600;
  }
  .show-more {
    color: var(--_accent);
  }
  .report:hover,
  .report[aria-expanded='true'] {
    color: var(--_text);
    border-color: var(--_border);
  }
  .report-form {
    margin: 0.5em 0 0;
    padding: calc(var(--_space) * 0.75);
  }
  fieldset {
    display: grid;
    gap: 0.35em;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin: 0 0 0.25em;
    font-size: 0.9em;
    font-weight: 600;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5em;
    font-weight: 400;
  }
  .choice input {
    width: auto;
    margin: 0;
    padding: 0;
    accent-color: var(--_accent);
  }
  .report-form textarea {
    min-height: 3.5em;
  }
  .cancel {
    background: transparent;
    color: var(--_accent);
  }
  .report-done {
    margin: 0.35em 0 0;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .report-done:focus {
    outline: none;
  }
  .report-done:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  /* A moderator did not publish a held comment of the reader's: said once, calmly, until dismissed. */
  /* Empty, it takes no room but stays in the accessibility tree, so a notice added later is announced. */
  .declined:empty {
    margin: 0;
  }
  .declined {
    display: grid;
    gap: 0.5em;
    margin: 0 0 var(--_space);
  }
  .declined-notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
    margin: 0;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_pending);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 0.9em;
  }
  .dismiss {
    padding: 0.25em 0.75em;
    background: transparent;
    color: var(--_accent);
    font-size: 0.9em;
  }

  .empty {
    margin: 0;
    padding: var(--_space);
    text-align: center;
    color: var(--_muted);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .more {
    display: block;
    margin: var(--_space) auto 0;
    background: transparent;
    color: var(--_accent);
  }

  .unavailable {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-left: 4px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .unavailable p {
    margin: 0;
  }
  .unavailable .reason {
    margin-top: 0.25em;
    color: var(--_muted);
    font-size: 0.9em;
  }

  /* Replies: nested by a rule on the left, three levels deep; deeper ones flat under the third. */
  .replies {
    list-style: none;
    margin: 0.5em 0 0;
    padding: 0 0 0 calc(var(--_space) * 0.75);
    border-left: 2px solid var(--_border);
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .replies.flat {
    padding-left: 0;
    border-left: 0;
  }
  .replies .comment {
    border-top: 0;
    padding-top: 0.25em;
  }
  .replying-to,
  .tombstone {
    margin: 0 0 0.15em;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .tombstone {
    font-style: italic;
  }
  .avatar {
    width: 1.5em;
    height: 1.5em;
    border-radius: 50%;
    align-self: center;
    object-fit: cover;
  }
  .identity {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin: 0;
    font-weight: 600;
  }
  .identity .avatar {
    width: 2em;
    height: 2em;
  }
  .identity .cancel {
    padding: 0.2em 0.75em;
    font-size: 0.85em;
  }
  /* Verified and moderator marks are words, not only colour. */
  .mark {
    font-size: 0.8em;
    font-weight: 600;
    color: var(--_accent);
  }
  .mark.mod {
    padding: 0 0.4em;
    border: 1px solid var(--_accent);
    border-radius: 999px;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 0.25em;
  }
  .tools .error {
    flex-basis: 100%;
  }
  .tool {
    margin: 0.35em 0 0;
    padding: 0.1em 0.4em;
    border: 1px solid transparent;
    background: transparent;
    color: var(--_muted);
    font-size: 0.8em;
    font-weight: 600;
  }
  .tool:hover,
  .tool[aria-expanded='true'],
  .like[aria-pressed='true'] {
    color: var(--_text);
    border-color: var(--_border);
  }
  .like[aria-pressed='true'] {
    color: var(--_accent);
  }
  .likes {
    margin: 0.35em 0.5em 0 0;
    color: var(--_muted);
    font-size: 0.8em;
  }
  .more-replies {
    color: var(--_accent);
  }
  .reply-form,
  .edit-form {
    margin: 0.5em 0 0;
    padding: calc(var(--_space) * 0.75);
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin: 0.5em 0 0;
    font-size: 0.9em;
  }
  .danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_accent-text);
  }
  .sort {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: 0.5em;
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  select {
    font: inherit;
    font-weight: 400;
    color: inherit;
    background: var(--rembuk-color-input-background, color-mix(in srgb, Canvas 92%, transparent));
    border: 1px solid var(--_field-border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.25em 0.5em;
  }
  select:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

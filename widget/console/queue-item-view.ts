/**
 * One queue item as a template: the text with every matched span in `<mark>` (text pieces
 * only, never HTML), the reasons in the console's language, the page, the author and their
 * record, reports, the parent of a reply and the last decision, then the actions. A function
 * of the queues page's shadow root rather than an element, so j/k focus stays in one root.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { BANNED_FOREVER, type QueueItem } from '../../protocol/moderation.ts';
import { formatAbsoluteTime, formatRelativeTime } from '../relative-time.ts';
import { consoleMessages, type Lang } from './console-i18n.ts';
import { highlightPieces } from './highlight.ts';
import { canDecide } from './queue-state.ts';

export interface ItemViewOptions {
  lang: Lang;
  now: number;
  focused: boolean;
  selected: boolean;
  busy: boolean;
  onFocus: () => void;
  onToggle: () => void;
  onApprove: () => void;
  onReject: () => void;
  onBan: () => void;
  onUnban: () => void;
  onTrust: (trusted: boolean) => void;
  onHistory: () => void;
}

const dated = (ms: number) => Math.abs(ms) <= 8.64e15;

export function renderQueueItem(item: QueueItem, o: ItemViewOptions): TemplateResult {
  const m = consoleMessages(o.lang);
  const { comment, author } = item;
  const headingId = `item-${comment.id}-heading`;
  const pieces = highlightPieces(
    comment.text,
    item.reasons.flatMap((r) => r.spans),
  );
  const banned = author.bannedUntil !== null && author.bannedUntil > o.now;
  const time = (ms: number) =>
    dated(ms)
      ? html`<time datetime=${new Date(ms).toISOString()} title=${formatAbsoluteTime(ms, o.lang)}
          >${formatRelativeTime(ms, o.now, o.lang, m.justNow)}</time
        >`
      : nothing;
  return html`
    <article
      class="item ${o.focused ? 'focused' : ''}"
      data-id=${comment.id}
      tabindex=${o.focused ? 0 : -1}
      aria-labelledby=${headingId}
      @focus=${o.onFocus}
    >
      <div class="row">
        <input type="checkbox" aria-label="${m.item.select}: ${m.item.label(comment.authorName)}" .checked=${o.selected} @change=${o.onToggle} />
        <h3 class="author" id=${headingId}>${comment.authorName}</h3>
        ${
          banned
            ? html`<span class="badge-pill banned"
                >${author.bannedUntil === BANNED_FOREVER ? m.item.bannedForever : m.item.bannedUntil(formatAbsoluteTime(author.bannedUntil ?? 0, o.lang))}</span
              >`
            : nothing
        }
        ${author.trusted ? html`<span class="badge-pill trusted">${m.item.trusted}</span>` : nothing}
        <span class="time">${time(comment.createdAt)}</span>
      </div>
      <dl class="facts">
        <div>
          <dt>${m.item.authorId}</dt>
          <dd><code>${author.authorId}</code></dd>
        </div>
        <div>
          <dt>${m.item.firstSeen}</dt>
          <dd>${author.firstSeen === null ? m.item.never : time(author.firstSeen)}</dd>
        </div>
        <div>
          <dt>${m.item.page}</dt>
          <dd>${item.pageUrl ? html`<a href=${item.pageUrl} target="_blank" rel="noopener noreferrer">${comment.page}</a>` : comment.page}</dd>
        </div>
      </dl>
      <p class="muted">${m.item.approvedCount(author.approvedCount)} · ${m.item.rejectedCount(author.rejectedCount)}</p>
      ${item.parent ? html`<p class="parent"><strong>${m.item.inReplyTo(item.parent.authorName)}</strong>: ${item.parent.text}</p>` : nothing}
      <p class="text">${pieces.map((p) => (p.marked ? html`<mark>${p.text}</mark>` : p.text))}</p>
      ${
        item.reasons.length > 0
          ? html`<p class="muted">${m.item.reasons}</p>
              <ul class="reasons">
                ${item.reasons.map((r) => html`<li data-rule=${r.rule}>${r.message[o.lang] || r.rule} <span class="muted">(${r.rule})</span></li>`)}
              </ul>`
          : nothing
      }
      ${
        item.reports.length > 0
          ? html`<p class="muted">${m.item.reports} (${item.reports.length})</p>
              <ul class="reports">
                ${item.reports.map((r) => html`<li><strong>${m.item.reportReasons[r.reason]}</strong>${r.note ? html`: ${r.note}` : nothing} ${time(r.at)}</li>`)}
              </ul>`
          : nothing
      }
      ${
        item.decision
          ? html`<p class="muted">
              ${m.item.lastDecision(item.decision.action, item.decision.by, formatRelativeTime(item.decision.at, o.now, o.lang, m.justNow))}
              ${item.decision.reason ? html` · ${m.item.decisionReason(item.decision.reason)}` : nothing}
            </p>`
          : nothing
      }
      <div class="row" role="group" aria-label=${m.item.actionsLabel}>
        ${canDecide(item, 'approve') ? html`<button class="primary small" type="button" ?disabled=${o.busy} @click=${o.onApprove}>${m.actions.approve}</button>` : nothing}
        ${canDecide(item, 'reject') ? html`<button class="danger small" type="button" ?disabled=${o.busy} @click=${o.onReject}>${m.actions.reject}</button>` : nothing}
        ${
          banned
            ? html`<button class="secondary small" type="button" @click=${o.onUnban}>${m.actions.unban}</button>`
            : html`<button class="danger small" type="button" @click=${o.onBan}>${m.actions.ban}</button>`
        }
        <button class="secondary small" type="button" @click=${() => o.onTrust(!author.trusted)}>
          ${author.trusted ? m.actions.untrust : m.actions.trust}
        </button>
        <button class="secondary small" type="button" aria-haspopup="dialog" @click=${o.onHistory}>${m.item.history}</button>
      </div>
    </article>
  `;
}

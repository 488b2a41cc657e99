/**
 * dist/count.js, for pages that show counts without a thread (article lists):
 *
 *   <script src="https://YOUR-REMBUK-HOST/count.js" data-site="YOUR-SITE-ID" async></script>
 *   <rembuk-count page="/2025/03/11/an-article/"></rembuk-count>
 *
 * embed.js defines `<rembuk-count>` as well, so a page with a thread needs only that script.
 */
import { defineRembukCount } from './rembuk-count.ts';

// currentScript is only set while this file first runs (also for async scripts).
const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
defineRembukCount({
  server: script?.src ? new URL(script.src, document.baseURI).origin : location.origin,
  ...(script?.dataset['site'] ? { site: script.dataset['site'] } : {}),
});

/**
 * The one script a site pastes:
 *
 *   <script src="https://YOUR-REMBUK-HOST/embed.js" data-site="YOUR-SITE-ID" async></script>
 *   <rembuk-thread></rembuk-thread>
 *
 * It defines `<rembuk-thread>`, pointing it at the origin it was loaded from and the site in
 * its `data-site`. A page with no `<rembuk-thread>` but an element `#comments` gets one there.
 */
import { setEmbedDefaults } from './thread/thread-config.ts';
import { RembukThread } from './thread/rembuk-thread.ts';

// currentScript is only set while this file first runs (also for async scripts).
const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
setEmbedDefaults({
  server: script?.src ? new URL(script.src, document.baseURI).origin : location.origin,
  ...(script?.dataset['site'] ? { site: script.dataset['site'] } : {}),
});

if (!customElements.get('rembuk-thread')) customElements.define('rembuk-thread', RembukThread);

function mountIntoCommentsSection(): void {
  if (document.querySelector('rembuk-thread')) return;
  document.getElementById('comments')?.append(document.createElement('rembuk-thread'));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountIntoCommentsSection, { once: true });
else mountIntoCommentsSection();

// Hash router: #/ events (map, timeline, table) · #/event/ID · #/article/ID · #/paste · #/stories
import './style.css';
import { showError } from './util.js';
import { renderEvents } from './views/events.js';
import { renderEvent } from './views/event.js';
import { renderArticle } from './views/article.js';
import { renderPaste } from './views/paste.js';
import { renderStories } from './views/stories.js';

const routes = [
  [/^#\/event\/(.+)$/, (m, el) => renderEvent(el, decodeURIComponent(m[1]))],
  [/^#\/article\/(.+)$/, (m, el) => renderArticle(el, decodeURIComponent(m[1]))],
  [/^#\/paste$/, (m, el) => renderPaste(el)],
  [/^#\/stories$/, (m, el) => renderStories(el)],
  [/^.*$/, (m, el) => renderEvents(el)],
];

async function route() {
  const el = document.getElementById('app');
  showError('');
  el.innerHTML = '<p class="muted" data-testid="loading">Loading…</p>';
  document.body.dataset.view = '';
  for (const [pattern, render] of routes) {
    const m = (location.hash || '#/').match(pattern);
    if (m) {
      try {
        await render(m, el);
      } catch (err) {
        el.innerHTML = '';
        showError(err.message);
      }
      document.body.dataset.ready = 'true';
      return;
    }
  }
}

window.addEventListener('hashchange', () => { document.body.dataset.ready = 'false'; route(); });
route();

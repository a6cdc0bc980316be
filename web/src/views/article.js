// One article: its clean text with highlighted spans, and the events found in it.
import { api, esc, partyShort } from '../util.js';
import { highlight, legend, wireLegend } from './highlight.js';

export async function renderArticle(el, id) {
  const r = await api(`/api/articles/${encodeURIComponent(id)}`);
  el.innerHTML = `<p><a href="#/" data-testid="back-to-events">← all events</a></p>${recordView(r)}`;
  wireLegend(el, el.querySelector('[data-testid=article-text]'));
}

export function recordView(r) {
  const a = r.article;
  return `
    <h1 data-testid="article-title">${esc(a.title || '(untitled)')}</h1>
    <p class="muted" data-testid="article-meta">${esc(a.publisher || '')} · ${esc(a.published || 'undated')}
      ${a.url ? `· <span>${esc(a.url)}</span>` : ''} ${r.story_id ? `· story ${esc(r.story_id)}` : ''} · ${r.spans.length} spans</p>
    ${legend()}
    <div class="article-text" data-testid="article-text">${highlight(a.text, r.spans)}</div>
    <h2>Events in this article</h2>
    <table class="events" data-testid="article-events"><thead><tr><th>Event</th><th>Who → whom</th><th>Where</th><th>When</th><th>Certainty</th><th>Sentence</th></tr></thead>
    <tbody>${r.events.map((e) => `<tr data-testid="article-event-row"><td><b>${esc(e.event)}</b> <small class="muted">${esc(e.cameo || '')}</small></td>
      <td>${esc(partyShort(e.actor))} → ${esc(partyShort(e.recipient))}</td><td>${esc((e.event_loc && e.event_loc.name) || '')}</td>
      <td>${esc(e.date || '')}</td><td>${esc(e.certainty)}</td><td class="sentence">${esc(e.text)}</td></tr>`).join('')
      || '<tr><td colspan="6" class="muted">No events found.</td></tr>'}</tbody></table>`;
}

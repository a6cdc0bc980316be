// Story clusters: articles telling the same story.
import { api, esc } from '../util.js';

export async function renderStories(el) {
  const page = await api('/api/stories?limit=200');
  el.innerHTML = `<h1>Stories</h1><ul class="stories" data-testid="stories">${page.items.map((s) => `
    <li data-testid="story"><b>${esc(s.title || s.story_id)}</b> <span class="muted">${s.n_articles} articles · ${esc(s.outlets.join(', '))}</span>
      <div>${s.articles.map((a) => `<a href="#/article/${encodeURIComponent(a)}" data-testid="story-article">${esc(a)}</a>`).join(' · ')}</div></li>`).join('')}</ul>`;
}

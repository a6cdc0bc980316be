// Paste a page: POST /api/extract, then show the record (highlighted article and its events). Nothing is stored.
import { api, esc, showError } from '../util.js';
import { recordView } from './article.js';
import { wireLegend } from './highlight.js';

export function renderPaste(el) {
  el.innerHTML = `
    <h1>Paste a page</h1>
    <p class="muted">Paste a news page's HTML or text. It is processed by the server and shown here; nothing is stored.</p>
    <form class="paste" data-testid="paste-form">
      <textarea name="content" rows="10" data-testid="paste-input" placeholder="<html>… or plain text"></textarea>
      <label>URL <input name="url" data-testid="paste-url" placeholder="optional"></label>
      <label>Published <input name="published" data-testid="paste-published" placeholder="YYYY-MM-DD, optional"></label>
      <button type="submit" data-testid="paste-submit">Extract</button>
    </form>
    <div data-testid="paste-result"></div>`;
  const form = el.querySelector('form');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const out = el.querySelector('[data-testid=paste-result]');
    const button = form.querySelector('button');
    button.disabled = true;
    out.innerHTML = '<p class="muted" data-testid="paste-working">Extracting…</p>';
    showError('');
    try {
      const body = { content: form.content.value };
      if (form.url.value) body.url = form.url.value;
      if (form.published.value) body.published = form.published.value;
      const record = await api('/api/extract', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      out.innerHTML = recordView(record);
      wireLegend(out, out.querySelector('[data-testid=article-text]'));
    } catch (err) {
      out.innerHTML = '';
      showError(err.message);
    } finally {
      button.disabled = false;
    }
  });
}

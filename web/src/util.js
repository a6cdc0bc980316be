// Small helpers shared by the views.
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export async function api(path, options = {}) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const err = body && body.error;
    throw new Error(err ? `${err.status} ${err.code}: ${err.message}` : `HTTP ${response.status}`);
  }
  return body;
}

export function showError(message) {
  const box = document.getElementById('error');
  box.textContent = message || '';
  box.hidden = !message;
}

export function party(list) {
  return (list || []).map((a) => [a.code || '?', a.sector].filter(Boolean).join(' ') + (a.name ? ` (${a.name})` : '')).join(', ') || '—';
}

export function partyShort(list) {
  return (list || []).map((a) => [a.code || a.name || '?', a.sector].filter(Boolean).join(' ')).join(', ') || '—';
}

// An event's date as a Date: its own date (YYYY, YYYY-MM, YYYY-MM-DD or a range) or the first report's.
export function eventDate(e) {
  const raw = (e.date || (e.first_seen && e.first_seen.published) || '').slice(0, 10);
  const m = raw.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
  if (!m) return null;
  return new Date(Date.UTC(+m[1], (+m[2] || 1) - 1, +m[3] || 1));
}

export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7',
  '#9c755f', '#bab0ac', '#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#17becf'];

// The events view: filters, a map over Natural Earth outlines, a brushable timeline and the event table.
import { api, esc, eventDate, partyShort } from '../util.js';
import { drawMap } from './map.js';
import { drawTimeline } from './timeline.js';

const state = { filters: { type: '', actor: '', recipient: '', min_origins: '', text: '' }, colorBy: 'type', brush: null };
const FETCH_LIMIT = 500;

export async function renderEvents(el) {
  document.body.dataset.ready = 'false';
  const f = state.filters;
  el.innerHTML = `
    <form class="filters" data-testid="filters">
      <label>Type <select data-testid="filter-type" name="type"><option value="">any</option></select></label>
      <label>Actor <input data-testid="filter-actor" name="actor" placeholder="IRN, USA GOV, Putin" value="${esc(f.actor)}"></label>
      <label>Recipient <input data-testid="filter-recipient" name="recipient" placeholder="RUS" value="${esc(f.recipient)}"></label>
      <label>Min origins <input data-testid="filter-min-origins" name="min_origins" type="number" min="0" value="${esc(f.min_origins)}"></label>
      <label>Text <input data-testid="filter-text" name="text" placeholder="words in the sentence" value="${esc(f.text)}"></label>
      <label>Colour by <select data-testid="color-by" name="colorBy">
        <option value="type">PLOVER type</option><option value="origins">independent origins</option></select></label>
      <button type="submit" data-testid="filter-apply">Apply</button>
      <button type="button" data-testid="brush-clear">Clear time range</button>
    </form>
    <p class="summary" data-testid="events-count"></p>
    <div class="panels">
      <section class="panel"><h2>Map</h2><div data-testid="map" class="map"></div><div class="legend" data-testid="map-legend"></div></section>
      <section class="panel"><h2>Timeline <small class="muted">drag to filter</small></h2><div data-testid="timeline" class="timeline"></div></section>
    </div>
    <table class="events" data-testid="events-table"><thead><tr>
      <th>Event</th><th>Who → whom</th><th>Where</th><th>When</th><th title="articles">Art.</th><th title="outlets">Out.</th><th title="independent origins">Orig.</th><th>Sentence</th>
    </tr></thead><tbody></tbody></table>`;
  const form = el.querySelector('form');
  form.colorBy.value = state.colorBy;

  const params = new URLSearchParams({ limit: String(FETCH_LIMIT) });
  for (const key of ['type', 'actor', 'recipient', 'min_origins']) if (f[key]) params.set(key, f[key]);
  const [page, types] = await Promise.all([api(`/api/events?${params}`), typeOptions()]);
  for (const t of types) form.type.insertAdjacentHTML('beforeend', `<option value="${esc(t)}">${esc(t)}</option>`);
  form.type.value = f.type;

  const events = page.items.map((e) => ({ ...e, _date: eventDate(e) }));
  const update = () => {
    const text = state.filters.text.trim().toLowerCase();
    const shown = events.filter((e) => (!text || `${e.text} ${e.event_text} ${partyShort(e.actor)} ${partyShort(e.recipient)}`.toLowerCase().includes(text))
      && (!state.brush || (e._date && e._date >= state.brush[0] && e._date <= state.brush[1])));
    el.querySelector('[data-testid=events-count]').textContent =
      `${shown.length} shown of ${page.total} matching events${page.total > events.length ? ` (first ${events.length} loaded)` : ''}` +
      (state.brush ? ` · ${day(state.brush[0], 'earliest')} – ${day(state.brush[1], 'latest')}` : '');
    drawMap(el.querySelector('[data-testid=map]'), el.querySelector('[data-testid=map-legend]'), shown, state.colorBy);
    drawTable(el.querySelector('tbody'), shown);
    document.body.dataset.ready = 'true';
  };
  drawTimeline(el.querySelector('[data-testid=timeline]'), events, state.brush, (range) => { state.brush = range; update(); });

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const before = JSON.stringify([state.filters.type, state.filters.actor, state.filters.recipient, state.filters.min_origins]);
    for (const key of Object.keys(state.filters)) state.filters[key] = form[key].value;
    state.colorBy = form.colorBy.value;
    const after = JSON.stringify([state.filters.type, state.filters.actor, state.filters.recipient, state.filters.min_origins]);
    if (before !== after) renderEvents(el).catch((err) => { el.innerHTML = `<p class="error">${esc(err.message)}</p>`; });
    else update();
  });
  form.text.addEventListener('input', () => { state.filters.text = form.text.value; update(); });
  form.colorBy.addEventListener('change', () => { state.colorBy = form.colorBy.value; update(); });
  el.querySelector('[data-testid=brush-clear]').addEventListener('click', () => {
    state.brush = null;
    drawTimeline(el.querySelector('[data-testid=timeline]'), events, null, (range) => { state.brush = range; update(); });
    update();
  });
  update();
}

const day = (d, open) => (Math.abs(d.getTime()) > 8e15 ? open : d.toISOString().slice(0, 10));

let typeCache = null;
async function typeOptions() {
  if (!typeCache) {
    const all = await api(`/api/events?limit=${FETCH_LIMIT}`);
    typeCache = [...new Set(all.items.map((e) => e.event))].sort();
  }
  return typeCache;
}

function drawTable(tbody, events) {
  tbody.innerHTML = events.map((e) => `
    <tr data-testid="event-row" data-event-id="${esc(e.id)}">
      <td><a href="#/event/${encodeURIComponent(e.id)}" data-testid="event-link"><b>${esc(e.event)}</b></a> <small class="muted">${esc(e.cameo || '')}</small></td>
      <td>${esc(partyShort(e.actor))} → ${esc(partyShort(e.recipient))}</td>
      <td>${esc((e.event_loc && e.event_loc.name) || '')}</td>
      <td>${esc(e.date || (e.first_seen && e.first_seen.published) || '')}</td>
      <td>${e.n_articles}</td><td>${e.n_outlets}</td><td class="${e.n_origins > 1 ? 'strong' : ''}">${e.n_origins}</td>
      <td class="sentence">${esc(e.text)}</td>
    </tr>`).join('') || '<tr><td colspan="8" class="muted">No events match: loosen the filters or clear the time range.</td></tr>';
}

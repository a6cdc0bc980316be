// Events as points over Natural Earth country outlines (world-atlas, bundled: works offline).
import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { scaleSqrt, scaleOrdinal, scaleLinear } from 'd3-scale';
import { feature, mesh } from 'topojson-client';
import worldUrl from 'world-atlas/countries-110m.json?url';
import { esc, partyShort, PALETTE } from '../util.js';

let world = null;
const W = 760, H = 400;

async function outlines() {
  if (!world) {
    const topo = await (await fetch(worldUrl)).json();
    world = { land: feature(topo, topo.objects.countries), borders: mesh(topo, topo.objects.countries, (a, b) => a !== b) };
  }
  return world;
}

export async function drawMap(el, legendEl, events, colorBy) {
  const { land, borders } = await outlines();
  const projection = geoNaturalEarth1().fitSize([W, H], { type: 'Sphere' });
  const path = geoPath(projection);
  const size = scaleSqrt().domain([1, Math.max(2, ...events.map((e) => e.n_articles))]).range([4, 14]);
  const types = [...new Set(events.map((e) => e.event))].sort();
  const byType = scaleOrdinal(PALETTE).domain(types);
  const maxOrigins = Math.max(2, ...events.map((e) => e.n_origins));
  const byOrigins = scaleLinear().domain([1, maxOrigins]).range(['#9ecae1', '#b30000']);
  const color = (e) => (colorBy === 'origins' ? byOrigins(Math.max(1, e.n_origins)) : byType(e.event));

  const seen = new Map();
  const points = [];
  for (const e of events) {
    const loc = e.event_loc;
    if (!loc || loc.lat == null || loc.lon == null) continue;
    const xy = projection([loc.lon, loc.lat]);
    if (!xy) continue;
    const key = `${loc.lat},${loc.lon}`;
    const k = seen.get(key) || 0;
    seen.set(key, k + 1);
    const angle = k * 2.4, r = 4 * Math.sqrt(k); // spread events that share a place
    points.push({ e, x: xy[0] + r * Math.cos(angle), y: xy[1] + r * Math.sin(angle) });
  }
  points.sort((a, b) => b.e.n_articles - a.e.n_articles);
  el.innerHTML = `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="map of events">
    <path class="sphere" d="${path({ type: 'Sphere' })}"/>
    <path class="graticule" d="${path(geoGraticule10())}"/>
    <path class="land" d="${path(land)}"/>
    <path class="borders" d="${path(borders)}"/>
    ${points.map(({ e, x, y }) => `<a href="#/event/${encodeURIComponent(e.id)}" data-testid="map-point" data-event-id="${esc(e.id)}">
      <circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${size(e.n_articles).toFixed(1)}" fill="${color(e)}">
        <title>${esc(e.event)} · ${esc(partyShort(e.actor))} → ${esc(partyShort(e.recipient))} · ${esc(e.event_loc.name || '')} · ${e.n_articles} articles, ${e.n_origins} origins</title>
      </circle></a>`).join('')}
  </svg>`;
  legendEl.innerHTML = colorBy === 'origins'
    ? `<span class="swatch" style="background:${byOrigins(1)}"></span>1 origin <span class="swatch" style="background:${byOrigins(maxOrigins)}"></span>${maxOrigins} origins · size: articles`
    : types.map((t) => `<span class="swatch" style="background:${byType(t)}"></span>${esc(t)}`).join(' ') + ' · size: articles';
}

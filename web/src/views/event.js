// One merged event: what happened, its corroboration, the provenance graph and every mention.
import { api, esc, party } from '../util.js';

export async function renderEvent(el, id) {
  const e = await api(`/api/events/${encodeURIComponent(id)}`);
  const loc = e.event_loc || {};
  el.innerHTML = `
    <p><a href="#/" data-testid="back-to-events">← all events</a></p>
    <h1><span class="type" data-testid="event-type">${esc(e.event)}</span>
      <small class="muted">${esc(e.mode || '')} ${e.cameo ? `· CAMEO ${esc(e.cameo)}` : ''}</small></h1>
    <dl class="facts">
      <dt>Actor</dt><dd data-testid="event-actors">${esc(party(e.actor))}</dd>
      <dt>Recipient</dt><dd data-testid="event-recipients">${esc(party(e.recipient))}</dd>
      <dt>Where</dt><dd data-testid="event-where">${esc(loc.name || '—')}${loc.inferred ? ' <small class="muted">(inferred)</small>' : ''}</dd>
      <dt>When</dt><dd data-testid="event-date">${esc(e.date || '—')} <small class="muted">${esc(e.date_precision || '')}</small></dd>
      <dt>Certainty</dt><dd>${esc(e.certainty)}</dd>
      <dt>Corroboration</dt><dd data-testid="event-corroboration">${e.n_articles} articles · ${e.n_outlets} outlets ·
        <b>${e.n_origins} independent origin${e.n_origins === 1 ? '' : 's'}</b>: ${esc(e.origins.map((o) => o.name).join(', '))}</dd>
      <dt>First seen</dt><dd>${esc(e.first_seen.published || '—')}</dd>
    </dl>
    <blockquote data-testid="event-sentence">${esc(e.text)}</blockquote>
    <h2>Provenance</h2>
    <p class="muted">Who reported it, citing whom. <span class="origin-key">Gold-bordered nodes</span> are the independent origins each report traces back to.</p>
    <div data-testid="provenance-graph" class="provenance">${graph(e.provenance)}</div>
    <h2>Mentions</h2>
    <ol class="mentions">${e.mentions.map(mention).join('')}</ol>`;
}

function mention(m) {
  const chain = (m.chain || []).map((c) => `${esc(c.cue)} <b>${esc((c.source && (c.source.name || c.source.text)) || '?')}</b>`).join(' → ');
  return `<li data-testid="mention">
    <a href="#/article/${encodeURIComponent(m.article_id)}" data-testid="article-link">${esc(m.title || m.article_id)}</a>
    <span class="muted">${esc(m.publisher || '')} · ${esc(m.published || '')} · ${esc(m.certainty)}</span>
    <div class="sentence">“${esc(m.sentence)}”</div>
    <div class="chain">${esc(m.publisher || 'publisher')}${chain ? ' → ' + chain : ' (no attribution: the outlet itself)'}
      · origin: <b>${esc((m.origin && m.origin.name) || '?')}</b></div>
  </li>`;
}

// A layered graph laid out by hand: one column per layer, publishers on the left, origins marked.
function graph(p) {
  if (!p || !p.nodes.length) return '<p class="muted">No mentions.</p>';
  const layers = new Map();
  for (const n of p.nodes) layers.set(n.layer, [...(layers.get(n.layer) || []), n]);
  const colW = 230, rowH = 54, nodeW = 180, nodeH = 34, pad = 20;
  const maxRows = Math.max(...[...layers.values()].map((l) => l.length));
  const width = pad * 2 + (Math.max(...layers.keys()) + 1) * colW - (colW - nodeW);
  const height = pad * 2 + maxRows * rowH;
  const pos = new Map();
  for (const [layer, nodes] of layers) {
    const offset = (maxRows - nodes.length) * rowH / 2;
    nodes.forEach((n, i) => pos.set(n.id, { x: pad + layer * colW, y: pad + offset + i * rowH }));
  }
  const edges = p.edges.map((e) => {
    const a = pos.get(e.source), b = pos.get(e.target);
    const x1 = a.x + nodeW, y1 = a.y + nodeH / 2, x2 = b.x, y2 = b.y + nodeH / 2, mx = (x1 + x2) / 2;
    return `<g class="edge" data-testid="prov-edge"><path d="M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}" marker-end="url(#arrow)"/>
      <text x="${mx}" y="${(y1 + y2) / 2 - 4}" text-anchor="middle">${esc(e.cues.join(' / '))}</text></g>`;
  }).join('');
  const nodes = p.nodes.map((n) => {
    const { x, y } = pos.get(n.id);
    const label = n.label.length > 26 ? n.label.slice(0, 25) + '…' : n.label;
    return `<g class="node kind-${esc(n.kind)}${n.origin ? ' origin' : ''}" data-testid="prov-node" data-origin="${n.origin}" data-kind="${esc(n.kind)}" data-label="${esc(n.label)}">
      <rect x="${x}" y="${y}" width="${nodeW}" height="${nodeH}" rx="6"/>
      <text x="${x + 8}" y="${y + 14}">${n.origin ? '★ ' : ''}${esc(label)}</text>
      <text class="kind" x="${x + 8}" y="${y + 27}">${esc(n.kind)}${n.origin ? ' · origin' : ''}</text>
      <title>${esc(n.label)} (${esc(n.kind)})${n.origin ? ': independent origin' : ''}</title></g>`;
  }).join('');
  return `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="provenance graph">
    <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
      <path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>${edges}${nodes}</svg>`;
}

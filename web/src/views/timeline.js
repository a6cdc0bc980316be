// A histogram of events over time with a d3-brush; brushing calls onBrush([from, to]) or onBrush(null).
import { scaleTime, scaleLinear } from 'd3-scale';
import { brushX } from 'd3-brush';
import { select } from 'd3-selection';

const W = 560, H = 220, M = { l: 30, r: 10, t: 10, b: 24 };
const DAY = 86400000;

export function drawTimeline(el, events, range, onBrush) {
  const dates = events.map((e) => e._date).filter(Boolean).sort((a, b) => a - b);
  el.innerHTML = '';
  if (!dates.length) { el.innerHTML = '<p class="muted">No dated events.</p>'; return; }
  // The axis starts at the 5th percentile so that a few old background dates do not squash the rest;
  // earlier events are counted in the first bar and kept by a brush that starts at the left edge.
  const first = dates[Math.floor(dates.length * 0.05)];
  const lo = new Date(first.getTime() - DAY * 3), hi = new Date(dates[dates.length - 1].getTime() + DAY * 3);
  const early = dates.filter((d) => d < lo).length;
  const x = scaleTime().domain([lo, hi]).range([M.l, W - M.r]);
  const nBins = 60, step = (hi - lo) / nBins;
  const bins = Array.from({ length: nBins }, (_, i) => ({ x0: new Date(+lo + i * step), n: 0 }));
  for (const d of dates) bins[Math.max(0, Math.min(nBins - 1, Math.floor((d - lo) / step)))].n += 1;
  const y = scaleLinear().domain([0, Math.max(...bins.map((b) => b.n))]).nice().range([H - M.b, M.t]);
  const svg = select(el).append('svg').attr('viewBox', `0 0 ${W} ${H}`).attr('role', 'img').attr('aria-label', 'timeline');
  svg.append('g').selectAll('rect').data(bins.filter((b) => b.n)).join('rect').attr('class', 'bar')
    .attr('x', (b) => x(b.x0)).attr('width', Math.max(1, x(new Date(+lo + step)) - x(lo) - 1))
    .attr('y', (b) => y(b.n)).attr('height', (b) => y(0) - y(b.n))
    .append('title').text((b) => `${b.x0.toISOString().slice(0, 10)}: ${b.n} events`);
  const axis = svg.append('g').attr('class', 'axis');
  for (const t of x.ticks(8)) {
    axis.append('text').attr('x', x(t)).attr('y', H - 6).attr('text-anchor', 'middle').text(x.tickFormat(8)(t));
  }
  axis.append('text').attr('x', 4).attr('y', y(y.domain()[1]) + 4).text(y.domain()[1]);
  if (early) axis.append('text').attr('x', M.l).attr('y', M.t + 8).text(`← ${early} earlier`);
  axis.append('line').attr('x1', M.l).attr('x2', W - M.r).attr('y1', y(0)).attr('y2', y(0));
  const brush = brushX().extent([[M.l, M.t], [W - M.r, H - M.b]]).on('end', (event) => {
    if (!event.sourceEvent) return;
    if (!event.selection) return onBrush(null);
    const [a, b] = event.selection;
    onBrush([a <= M.l + 1 ? new Date(-8.64e15) : x.invert(a), b >= W - M.r - 1 ? new Date(8.64e15) : x.invert(b)]);
  });
  const g = svg.append('g').attr('class', 'brush').attr('data-testid', 'timeline-brush').call(brush);
  if (range) g.call(brush.move, range.map((d) => Math.max(M.l, Math.min(W - M.r, x(d)))));
}

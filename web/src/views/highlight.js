// displaCy-style highlighting: nested coloured marks with a small label. Partly overlapping spans are dropped.
import { esc } from '../util.js';

export const LABELS = ['ACTOR', 'PLACE', 'TIME', 'EVENT', 'QUOTE', 'SOURCE', 'CUE'];

export function highlight(text, spans) {
  const root = { start: 0, end: text.length, children: [] };
  const stack = [root];
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    while (stack.length > 1 && stack[stack.length - 1].end <= s.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (s.end > parent.end || s.start < parent.start) continue;
    const node = { ...s, children: [] };
    parent.children.push(node);
    stack.push(node);
  }
  const render = (node) => {
    let out = '', at = node.start;
    for (const child of node.children) {
      out += esc(text.slice(at, child.start)) + mark(child, render(child));
      at = child.end;
    }
    return out + esc(text.slice(at, node.end));
  };
  return render(root);
}

function mark(s, inner) {
  return `<mark class="ent ent-${s.label}" data-testid="span-${s.label}" data-label="${s.label}" title="${esc(s.detail || s.label)}">${inner}<span class="ent-label">${s.label}</span></mark>`;
}

export function legend() {
  return `<div class="ent-legend" data-testid="span-legend">${LABELS.map((l) => `<label><input type="checkbox" checked data-testid="legend-${l}" value="${l}"><mark class="ent ent-${l}">${l}</mark></label>`).join(' ')}</div>`;
}

export function wireLegend(container, textEl) {
  container.querySelectorAll('[data-testid^=legend-]').forEach((box) => box.addEventListener('change', () => {
    textEl.classList.toggle(`hide-${box.value}`, !box.checked);
  }));
}

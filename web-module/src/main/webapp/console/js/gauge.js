// Budget gauges: used and reserved shown apart against the limit, on the dimension (tokens or USD)
// nearest its limit.
import { h, usd } from './dom.js';

function dimensions(b) {
  const out = [];
  if (b.limitTokens !== null && b.limitTokens !== undefined && b.limitTokens > 0) {
    out.push({ unit: 'tokens', limit: b.limitTokens, used: b.usedTokens, reserved: b.reservedTokens, format: (v) => v + ' tokens' });
  }
  if (b.limitUsd !== null && b.limitUsd !== undefined && Number(b.limitUsd) > 0) {
    out.push({ unit: 'USD', limit: Number(b.limitUsd), used: Number(b.usedUsd), reserved: Number(b.reservedUsd), format: usd });
  }
  return out;
}

/**
 * A gauge of one budget (a BudgetView of GET /usage/budgets): a bar whose solid part is what was
 * used and whose striped part is what running model calls hold reserved, against the limit.
 */
export function budgetGauge(b) {
  const dims = dimensions(b);
  if (dims.length === 0) return h('span', { class: 'muted', text: 'no limit' });
  const d = dims.reduce((a, c) => ((c.used + c.reserved) / c.limit > (a.used + a.reserved) / a.limit ? c : a));
  const share = (v) => Math.max(0, Math.min(100, (100 * v) / d.limit));
  const used = h('span', { class: 'gauge-used' });
  used.style.width = share(d.used) + '%';
  // a little use of a large limit still shows
  if (d.used > 0) used.style.minWidth = '3px';
  const reserved = h('span', { class: 'gauge-reserved' });
  reserved.style.width = Math.min(100 - share(d.used), share(d.reserved)) + '%';
  if (d.reserved > 0) reserved.style.minWidth = '3px';
  const text = `${d.format(d.used)} used + ${d.format(d.reserved)} reserved of ${d.format(d.limit)}`;
  return h('div', {
    class: 'gauge', role: 'meter', 'aria-label': 'Budget ' + b.scope, 'aria-valuemin': 0, 'aria-valuemax': d.limit,
    'aria-valuenow': d.used + d.reserved, 'aria-valuetext': text,
    'data-unit': d.unit, 'data-used': d.used, 'data-reserved': d.reserved, 'data-limit': d.limit,
  }, h('span', { class: 'gauge-bar' }, used, reserved), h('span', { class: 'gauge-text', text }));
}

/** The key to the gauges' colours. */
export function gaugeKey() {
  return h('p', { class: 'gauge-key muted' },
    h('span', { class: 'swatch gauge-used' }), ' used ', h('span', { class: 'swatch gauge-reserved' }), ' reserved by running calls');
}

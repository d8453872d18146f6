// The schedules' calendar: every fire of the active schedules in the next 24 hours (by hour) or the
// next 7 days (by day), in the viewer's zone, each labelled with its schedule. The fire times are
// the server's (GET /schedules/upcoming), computed as the schedule clock computes them.
import { get, query } from '../api.js';
import { go } from '../app.js';
import { button, field, fill, h, link, select, when } from '../dom.js';

const VIEWER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const HOUR = 3600000;
const RANGES = { '24h': { label: 'Next 24 hours', span: 24 * HOUR, limit: 500 }, '7d': { label: 'Next 7 days', span: 7 * 24 * HOUR, limit: 1000 } };

const hourLabel = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const dayLabel = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'short' });
const timeLabel = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** #/schedules/calendar?range=24h|7d&agent= */
export async function scheduleCalendar(main, params) {
  const range = RANGES[params.get('range')] ? params.get('range') : '24h';
  const agent = params.get('agent') || '';
  const now = Date.now();
  const [upcoming, agents] = await Promise.all([
    get('/schedules/upcoming' + query({
      from: new Date(now).toISOString(), to: new Date(now + RANGES[range].span).toISOString(),
      limit: RANGES[range].limit, agent })),
    get('/agents')]);
  const here = (changes) => go('/schedules/calendar' + query({ range, agent, ...changes }));
  const switcher = h('div', { class: 'segmented', role: 'group', 'aria-label': 'Range' },
    Object.entries(RANGES).map(([key, r]) => button(r.label, () => here({ range: key }), {
      id: 'range-' + key, 'aria-pressed': String(key === range) })));
  const agentFilter = select('agent', [['', 'any'], ...agents.map((a) => a.name)], { value: agent, id: 'calendar-agent' });
  agentFilter.addEventListener('change', () => here({ agent: agentFilter.value }));
  const fires = upcoming.fires;
  fill(main,
    h('div', { class: 'title-row' }, h('h1', { text: 'Upcoming fires' }), link('#/schedules', 'Schedule list')),
    h('div', { class: 'filters' }, switcher, field('Agent', agentFilter)),
    h('p', { id: 'calendar-summary', class: 'muted' },
      `${fires.length} fire${fires.length === 1 ? '' : 's'} of active schedules from ${when(upcoming.from)} to ${when(upcoming.to)}, in your zone (${VIEWER_ZONE}). Paused schedules are not shown.`),
    upcoming.truncated ? h('p', { class: 'problem', id: 'calendar-truncated', text: `Only the first ${fires.length} fires are shown; filter by agent to see the rest.` }) : null,
    fires.length === 0 ? h('p', { class: 'empty', id: 'calendar', text: 'No schedule fires in this range.' })
      : range === '24h' ? byHour(fires) : byDay(fires, now));
}

function fireItem(fire, label) {
  return h('li', { class: 'fire', 'data-at': fire.at, 'data-schedule': fire.schedule,
    title: `${when(fire.at, fire.timeZone)} ${fire.timeZone} · agent ${fire.agent}` },
  h('time', { datetime: fire.at, text: label.format(new Date(fire.at)) }),
  link('#/schedules/' + encodeURIComponent(fire.scheduleId), fire.schedule),
  h('span', { class: 'agent', text: fire.agent }));
}

/** The next 24 hours: one row per hour that has fires. */
function byHour(fires) {
  const groups = new Map();
  for (const fire of fires) {
    const d = new Date(fire.at);
    d.setMinutes(0, 0, 0); // the viewer's hour (zones with half-hour offsets included)
    const key = d.getTime();
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(fire);
  }
  return h('ol', { id: 'calendar', class: 'timeline card', 'aria-label': 'Fires by hour' },
    [...groups.entries()].map(([hour, list]) => h('li', {},
      h('span', { class: 'slot', text: hourLabel.format(new Date(hour)) }),
      h('ul', { class: 'fires' }, list.map((f) => fireItem(f, timeLabel))))));
}

/** The next 7 days: a column per day of the viewer's calendar. */
function byDay(fires, now) {
  const days = [];
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  for (let i = 0; i < 8; i++) {
    const d = new Date(start);
    d.setDate(start.getDate() + i);
    days.push({ at: d, fires: [] });
  }
  for (const fire of fires) {
    const at = new Date(fire.at);
    const day = days.findLast((d) => d.at <= at);
    if (day) day.fires.push(fire);
  }
  const shown = days.filter((d, i) => i < 7 || d.fires.length > 0);
  return h('div', { id: 'calendar', class: 'week days-' + shown.length, 'aria-label': 'Fires by day' },
    shown.map((d) => h('section', { class: 'day', 'aria-label': dayLabel.format(d.at) },
      h('h3', { text: dayLabel.format(d.at) }),
      d.fires.length === 0 ? h('p', { class: 'empty', text: 'none' })
        : h('ul', { class: 'fires' }, d.fires.map((f) => fireItem(f, timeLabel))))));
}

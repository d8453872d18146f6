// Schedules: the list with the next fire time in the schedule's zone and the viewer's, the create
// form with a preview of the next five fire times, and one schedule with its runs.
import { call, get, post, query, Problem } from '../api.js';
import { attempt, can, go } from '../app.js';
import { button, details, field, fill, h, input, isoFromLocal, link, select, table, when } from '../dom.js';

const VIEWER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

function timing(s) {
  return s.cron ? h('code', { text: s.cron }) : 'every ' + s.intervalSeconds + ' s';
}

function scheduleActions(s, after) {
  if (!can('operator')) return null;
  const path = '/schedules/' + encodeURIComponent(s.id);
  return h('span', { class: 'actions' },
    button(s.paused ? 'Resume' : 'Pause', () => attempt(async () => {
      await post(path + (s.paused ? '/resume' : '/pause'));
      after();
    }), { 'aria-label': (s.paused ? 'Resume ' : 'Pause ') + s.name }),
    button('Run now', () => attempt(async () => {
      const started = await post(path + '/run-now');
      go('/tasks/' + encodeURIComponent(started.taskId));
    }), { 'aria-label': 'Run ' + s.name + ' now' }));
}

export async function scheduleList(main) {
  const schedules = await get('/schedules?limit=200');
  fill(main,
    h('div', { class: 'title-row' }, h('h1', { text: 'Schedules' }),
      link('#/schedules/calendar', 'Upcoming fires (24 h / 7 days)', { id: 'schedule-calendar' }),
      can('operator') ? link('#/schedules/new', 'New schedule', { class: 'button', id: 'new-schedule' }) : null),
    table([
      { label: 'Name', cell: (s) => link('#/schedules/' + encodeURIComponent(s.id), s.name) },
      { label: 'Agent', cell: (s) => s.agent },
      { label: 'Timing', cell: timing },
      { label: 'Next (schedule zone)', cell: (s) => (s.paused ? 'paused' : s.nextRunAt ? when(s.nextRunAt, s.timeZone) + ' ' + (s.timeZone || 'UTC') : 'none') },
      { label: 'Next (' + VIEWER_ZONE + ')', cell: (s) => (s.paused || !s.nextRunAt ? '' : when(s.nextRunAt)) },
      { label: 'Actions', cell: (s) => scheduleActions(s, () => go('/schedules')) },
    ], schedules, { id: 'schedule-table', empty: 'No schedules yet.' }));
}

function zones() {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch (e) {
    return ['UTC'];
  }
}

/** An ISO instant as a datetime-local value in the viewer's zone, or ''. */
function localFromIso(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

/**
 * #/schedules/new, or #/schedules/{id}/edit (sent with the ETag it read: a stale edit is refused):
 * interval or cron, with the server's preview of the next five cron fire times.
 */
export async function scheduleForm(main, params, id) {
  const agents = (await get('/agents')).map((a) => a.name);
  let current = null;
  let etag = null;
  if (id) {
    const read = await call('GET', '/schedules/' + encodeURIComponent(id));
    current = read.data;
    etag = read.etag;
  }
  const zoneList = h('datalist', { id: 'zones' }, ['UTC', ...zones()].map((z) => h('option', { value: z })));
  const c = current || { task: {} };
  const kind = select('kind', [['cron', 'cron expression'], ['interval', 'interval']], { value: current && !current.cron ? 'interval' : 'cron' });
  const cron = input('cron', { value: c.cron || '0 9 * * 1-5', spellcheck: 'false' });
  const interval = input('intervalSeconds', { type: 'number', min: 1, value: c.intervalSeconds || 3600 });
  const zone = input('timeZone', { list: 'zones', value: c.timeZone || VIEWER_ZONE || 'UTC' });
  const preview = h('div', { id: 'cron-preview', 'aria-live': 'polite' });
  const cronBox = h('div', { class: 'row', hidden: kind.value !== 'cron' }, field('Cron (minute hour day month weekday)', cron));
  const intervalBox = h('div', { class: 'row', hidden: kind.value === 'cron' }, field('Every (seconds)', interval));
  const form = h('form', { id: 'schedule-form', class: 'card form' },
    h('div', { class: 'row' }, field('Name', input('name', { required: true, value: c.name || '' })),
      field('Agent', select('agent', agents, { required: true, value: c.agent || agents[0] }))),
    field('Task input', h('textarea', { name: 'input', id: 'f-input', rows: 3, required: true }, c.task.input || '')),
    h('div', { class: 'row' }, field('Timing', kind), field('Time zone', zone), zoneList),
    cronBox, intervalBox, preview,
    h('div', { class: 'row' },
      field('Overlap', select('overlap', [['skip', 'skip a slot while the last task runs'], ['allow', 'allow overlap'], ['buffer_one', 'buffer one slot']], { value: c.overlap || 'skip' })),
      field('Priority', select('priority', ['4', '9', '8', '7', '6', '5', '3', '2', '1', '0'], { value: String(c.task.priority ?? 4) }))),
    h('div', { class: 'row' },
      field('Window start', input('startAt', { type: 'datetime-local', value: localFromIso(c.startAt) })),
      field('Window end', input('endAt', { type: 'datetime-local', value: localFromIso(c.endAt) }))),
    field('Paused', input('paused', { type: 'checkbox', checked: Boolean(c.paused) })),
    h('button', { type: 'submit', id: 'save-schedule', text: id ? 'Save changes' : 'Create schedule' }));
  let timer = null;
  const refreshPreview = () => {
    clearTimeout(timer);
    timer = setTimeout(() => showPreview(preview, cron.value, zone.value), 300);
  };
  kind.addEventListener('change', () => {
    cronBox.hidden = kind.value !== 'cron';
    intervalBox.hidden = kind.value === 'cron';
    fill(preview);
    if (kind.value === 'cron') refreshPreview();
  });
  cron.addEventListener('input', refreshPreview);
  zone.addEventListener('input', refreshPreview);
  zone.addEventListener('change', refreshPreview);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(async () => {
      const e = form.elements;
      const body = {
        name: e.name.value.trim(), agent: e.agent.value,
        task: { ...c.task, input: e.input.value, priority: Number(e.priority.value) },
        timeZone: zone.value.trim() || 'UTC', overlap: e.overlap.value, paused: e.paused.checked,
        startAt: isoFromLocal(e.startAt.value), endAt: isoFromLocal(e.endAt.value),
      };
      if (kind.value === 'cron') body.cron = cron.value.trim();
      else body.intervalSeconds = Number(interval.value);
      if (!id) {
        const { data } = await call('POST', '/schedules', { body });
        go('/schedules/' + encodeURIComponent(data.id));
        return;
      }
      try {
        await call('PUT', '/schedules/' + encodeURIComponent(id), { body, headers: { 'If-Match': etag } });
      } catch (err) {
        if (err instanceof Problem && err.status === 412) {
          throw new Problem(412, { title: err.title, code: err.code, detail: 'Someone changed this schedule after you opened it, so your edit was not saved. Reload the page to see their version. (' + err.detail + ')' });
        }
        throw err;
      }
      go('/schedules/' + encodeURIComponent(id));
    });
  });
  fill(main, h('h1', { text: id ? 'Edit schedule ' + c.name : 'New schedule' }), form);
  showPreview(preview, cron.value, zone.value);
  return () => clearTimeout(timer);
}

let previewSeq = 0;

async function showPreview(box, cron, zone) {
  const seq = ++previewSeq;
  try {
    const result = await get('/schedules/preview' + query({ cron, zone, count: 5 }));
    if (seq !== previewSeq) return; // a newer preview was asked for meanwhile
    fill(box, h('h2', { text: 'Next fire times' }),
      result.next.length === 0 ? h('p', { text: 'This expression never fires.' }) : table([
        { label: 'In ' + result.timeZone, cell: (t) => when(t, result.timeZone) },
        { label: 'In your zone (' + VIEWER_ZONE + ')', cell: (t) => when(t) },
      ], result.next, { id: 'preview-table' }));
  } catch (e) {
    if (seq !== previewSeq) return;
    fill(box, h('p', { class: 'problem', id: 'preview-problem' },
      h('strong', { text: e.title || 'Error' }), ' ', e.detail || e.message));
  }
}

/** #/schedules/{id}: its settings, actions and runs (fired, skipped, failed with reasons). */
export async function schedulePage(main, params, id) {
  const path = '/schedules/' + encodeURIComponent(id);
  const s = await get(path);
  const runs = await get(path + '/runs?limit=50');
  fill(main, h('h1', { text: 'Schedule ' + s.name }),
    scheduleActions(s, () => go('/schedules/' + encodeURIComponent(id))),
    can('operator') ? link('#/schedules/' + encodeURIComponent(id) + '/edit', 'Edit', { class: 'button', id: 'edit-schedule' }) : null,
    h('div', { class: 'card' }, details([
      ['Agent', link('#/agents/' + encodeURIComponent(s.agent), s.agent)],
      ['Timing', timing(s)],
      ['Time zone', s.timeZone || 'UTC'],
      ['Overlap', s.overlap],
      ['State', s.paused ? 'paused' : 'active'],
      ['Next fire (' + (s.timeZone || 'UTC') + ')', s.nextRunAt ? when(s.nextRunAt, s.timeZone) : 'none'],
      ['Next fire (' + VIEWER_ZONE + ')', s.nextRunAt ? when(s.nextRunAt) : 'none'],
      ['Window', (s.startAt ? when(s.startAt) : 'open') + ' → ' + (s.endAt ? when(s.endAt) : 'open')],
      ['Task input', h('pre', { text: s.task.input })],
    ])),
    s.cron ? h('section', { class: 'card', id: 'upcoming' }) : null,
    h('h2', { text: 'Runs' }),
    table([
      { label: 'Slot', cell: (r) => when(r.slot) },
      { label: 'Outcome', cell: (r) => h('span', { class: 'status status-' + r.outcome, text: r.outcome }) },
      { label: 'Reason', cell: (r) => r.reason || '' },
      { label: 'Slots', cell: (r) => r.slotCount ?? '' },
      { label: 'Task', cell: (r) => (r.taskId ? link('#/tasks/' + encodeURIComponent(r.taskId), r.taskId.slice(0, 8) + ' ' + (r.taskStatus || '')) : '') },
    ], runs, { id: 'run-table', empty: 'It has not fired yet.' }));
  if (s.cron) showPreview(main.querySelector('#upcoming'), s.cron, s.timeZone || 'UTC');
}

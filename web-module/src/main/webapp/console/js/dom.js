// Building the page without HTML strings: every piece of data becomes a text node, so a task input
// holding "<script>" is shown as those characters and never parsed as markup.

/**
 * Creates an element. props: "class", "text" (its text content), "on<event>" (a listener) and
 * any other attribute; null/false props are skipped. Children: nodes, or values shown as text.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'text') el.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value') el.value = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A labelled control: the label wraps its control, which gives the control its accessible name. */
export function field(label, control, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'label', text: label }), control,
    hint ? h('small', { class: 'hint', text: hint }) : null);
}

export function input(name, props = {}) {
  return h('input', { name, id: props.id || 'f-' + name, type: 'text', ...props });
}

export function select(name, options, props = {}) {
  const el = h('select', { name, id: props.id || 'f-' + name, ...props });
  for (const option of options) {
    const [value, label] = Array.isArray(option) ? option : [option, option];
    el.append(h('option', { value, text: label }));
  }
  if (props.value !== undefined) el.value = props.value;
  return el;
}

/**
 * A table. columns: [{label, cell: row => node or text, header?: node, sort?: aria-sort value}].
 * An empty list shows `empty`.
 */
export function table(columns, rows, { caption, empty = 'Nothing yet.', id } = {}) {
  if (!rows || rows.length === 0) return h('p', { class: 'empty', text: empty, id });
  return h('table', { id },
    caption ? h('caption', { text: caption }) : null,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', 'aria-sort': c.sort }, c.header || c.label)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => h('td', {}, c.cell(row)))))));
}

/** A definition list of [term, value] pairs; null values are left out. */
export function details(pairs, props = {}) {
  return h('dl', { class: 'details', ...props },
    pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([term, value]) => [h('dt', { text: term }), h('dd', {}, value)]));
}

/** An instant as the viewer's local time (or in `timeZone`), with seconds. */
export function when(iso, timeZone) {
  if (!iso) return '';
  const options = { dateStyle: 'medium', timeStyle: 'medium' };
  if (timeZone) options.timeZone = timeZone;
  try {
    return new Intl.DateTimeFormat(undefined, options).format(new Date(iso));
  } catch (e) {
    return iso;
  }
}

export function usd(value) {
  if (value === null || value === undefined) return '';
  return '$' + Number(value).toFixed(6);
}

export function link(href, text, props = {}) {
  return h('a', { href, text, ...props });
}

export function button(text, onclick, props = {}) {
  return h('button', { type: 'button', onclick, ...props }, text);
}

/** Form values as an object of trimmed strings; empty fields are left out. */
export function values(form) {
  const out = {};
  for (const [key, value] of new FormData(form).entries()) {
    if (typeof value === 'string' && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

/** An ISO instant from a datetime-local value (the viewer's zone), or undefined. */
export function isoFromLocal(value) {
  return value ? new Date(value).toISOString() : undefined;
}

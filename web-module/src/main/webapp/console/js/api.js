// The console's one way to the server: the REST API and event streams every client uses. A pasted
// token lives in sessionStorage (gone when the tab closes, never in a URL); with the OpenID Connect
// sign-in the browser's session cookie authenticates, and changes carry the CSRF cookie's value.

const TOKEN = 'agentry.console.token';
const BASE = '/api/v1';

export const auth = {
  get token() {
    return sessionStorage.getItem(TOKEN);
  },
  set token(value) {
    if (value) sessionStorage.setItem(TOKEN, value);
    else sessionStorage.removeItem(TOKEN);
  },
};

/** An RFC 9457 problem the API answered with. */
export class Problem extends Error {
  constructor(status, body) {
    super(body.detail || body.title || 'HTTP ' + status);
    this.status = status;
    this.title = body.title || 'HTTP ' + status;
    this.detail = body.detail || '';
    this.code = body.code || '';
  }
}

function csrf() {
  const match = document.cookie.match(/(?:^|;\s*)agentry_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

function headersFor(method, extra = {}) {
  const headers = { ...extra };
  const token = auth.token;
  if (token) headers.Authorization = 'Bearer ' + token;
  else if (!['GET', 'HEAD', 'OPTIONS'].includes(method)) {
    const value = csrf();
    if (value) headers['X-CSRF-Token'] = value;
  }
  return headers;
}

async function problemOf(response) {
  let body = {};
  try {
    body = await response.json();
  } catch (e) {
    body = { title: response.statusText || 'HTTP ' + response.status };
  }
  return new Problem(response.status, body);
}

/**
 * Calls the API. Returns {data, etag, status, response}; throws Problem for a 4xx or 5xx.
 * path: relative to /api/v1; body: an object sent as JSON; headers: extra request headers.
 */
export async function call(method, path, { body, headers = {} } = {}) {
  const all = headersFor(method, { Accept: 'application/json', ...headers });
  if (body !== undefined) all['Content-Type'] = 'application/json';
  const response = await fetch(BASE + path, {
    method,
    headers: all,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (!response.ok) throw await problemOf(response);
  const type = response.headers.get('Content-Type') || '';
  const data = response.status !== 204 && type.includes('json') ? await response.json() : null;
  return { data, etag: response.headers.get('ETag'), status: response.status, response };
}

export const get = async (path) => (await call('GET', path)).data;
export const post = async (path, body) => (await call('POST', path, { body })).data;
export const put = async (path, body, headers) => (await call('PUT', path, { body, headers })).data;
export const del = async (path) => (await call('DELETE', path)).data;

/** A query string of the defined, non-empty values, with its leading "?" (or ""). */
export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') q.set(key, value);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/** Downloads a response body as a file (the token cannot ride on a plain link). */
export async function download(path, filename) {
  const { response } = await call('GET', path, { headers: { Accept: 'text/csv' } });
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * Follows a server-sent event stream (WHATWG HTML "server-sent events" framing) with fetch, as
 * EventSource cannot send an Authorization header. A dropped connection is resumed with
 * Last-Event-ID, so no event is missed or repeated.
 *
 * onEvent({id, type, data}); onState('live' | 'reconnecting' | 'ended' | Problem);
 * done(lastEvent) says whether a close by the server is the end (else it reconnects).
 * Returns a function that stops it.
 */
export function follow(path, { onEvent, onState, done }) {
  const controller = new AbortController();
  let lastId = null;
  let lastEvent = null;
  (async () => {
    let delay = 500;
    while (!controller.signal.aborted) {
      try {
        const headers = headersFor('GET', { Accept: 'text/event-stream' });
        if (lastId !== null) headers['Last-Event-ID'] = lastId;
        const response = await fetch(BASE + path, {
          headers, signal: controller.signal, credentials: 'same-origin', cache: 'no-store',
        });
        if (!response.ok) {
          const problem = await problemOf(response);
          if (response.status < 500 && response.status !== 429) {
            onState(problem);
            return;
          }
          throw problem;
        }
        onState('live');
        delay = 500;
        await readEvents(response.body, (event) => {
          if (event.id !== null) lastId = event.id;
          lastEvent = event;
          onEvent(event);
        });
        if (done(lastEvent)) {
          onState('ended');
          return;
        }
      } catch (e) {
        if (controller.signal.aborted) return;
      }
      onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 8000);
    }
  })();
  return () => controller.abort();
}

async function readEvents(body, emit) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { id: null, type: 'message', data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let newline;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (event.data.length > 0) emit({ id: event.id, type: event.type, data: event.data.join('\n') });
        event = { id: event.id, type: 'message', data: [] };
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (name === 'data') event.data.push(value);
      else if (name === 'event') event.type = value;
      else if (name === 'id') event.id = value;
    }
  }
}

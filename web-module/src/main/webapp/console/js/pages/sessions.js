// Sessions: the list, and one session's transcript (user, assistant with tool calls, tool results)
// with a chat box that continues it.
import { get, post } from '../api.js';
import { attempt, can } from '../app.js';
import { field, fill, h, link, table, usd, when } from '../dom.js';

export async function sessionList(main, params) {
  const page = await get('/sessions?limit=50' + (params.get('agent') ? '&agent=' + encodeURIComponent(params.get('agent')) : ''));
  fill(main, h('h1', { text: 'Sessions' }),
    table([
      { label: 'Session', cell: (s) => link('#/sessions/' + encodeURIComponent(s.id), s.id.slice(0, 8)) },
      { label: 'Agent', cell: (s) => s.agent },
      { label: 'Status', cell: (s) => s.status },
      { label: 'Turns', cell: (s) => s.turns },
      { label: 'Updated', cell: (s) => when(s.updatedAt) },
    ], page.items, { id: 'session-table', empty: 'No sessions yet.', caption: page.total + ' sessions, newest first' }));
}

export async function sessionPage(main, params, id) {
  const path = '/sessions/' + encodeURIComponent(id);
  const session = await get(path);
  const transcript = h('ol', { id: 'transcript', class: 'transcript' });
  const showMessages = async () => {
    const messages = [];
    let after = 0;
    for (let i = 0; i < 10; i++) {
      const page = await get(path + '/messages?limit=200&after=' + after);
      messages.push(...page);
      if (page.length < 200) break;
      after = page[page.length - 1].id;
    }
    fill(transcript, messages.map(messageItem));
  };
  const box = h('textarea', { name: 'message', id: 'chat-message', rows: 2, required: true });
  const chat = h('form', { id: 'chat-form', class: 'card form' }, field('Message to ' + session.agent, box), h('button', { type: 'submit', text: 'Send' }));
  chat.addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(async () => {
      chat.querySelector('button').disabled = true;
      try {
        await post('/agents/' + encodeURIComponent(session.agent) + '/chat', { message: box.value, sessionId: id });
        box.value = '';
        await showMessages();
      } finally {
        chat.querySelector('button').disabled = false;
      }
    });
  });
  const u = session.usage || {};
  fill(main, h('h1', {}, 'Session ', h('code', { text: id })),
    h('p', { text: `${session.agent} · ${session.status} · ${session.turns} turns · ${u.promptTokens ?? 0}+${u.completionTokens ?? 0} tokens · ${usd(u.costUsd)}` }),
    transcript,
    can('operator') && session.status === 'active' ? chat : null);
  await showMessages();
}

function messageItem(m) {
  return h('li', { class: 'message message-' + m.role },
    h('div', { class: 'message-head' }, h('strong', { text: m.role + (m.toolName ? ' · ' + m.toolName : '') }), ' ',
      h('span', { class: 'muted', text: when(m.createdAt) })),
    m.content ? h('pre', { class: 'message-content', text: m.content }) : null,
    (m.toolCalls || []).map((call) => h('div', { class: 'tool-call' },
      h('code', { text: (call.name || call.function?.name || 'tool') }), ' ',
      h('pre', { text: JSON.stringify(call.arguments ?? call.function?.arguments ?? call, null, 1) }))));
}

/*
 * EHC Flow: the managers' caseload view in Cockpit (plugin "ehc-caseload").
 *
 * A plain ES module with no build step. Cockpit imports it from
 * /camunda/api/cockpit/plugin/ehc-caseload/static/app/plugin.js. The figures come from the plugin's
 * own API, {api.cockpitApi}/plugin/ehc-caseload/{engine}/caseload, in the manager's session; every
 * value from the server goes into the page as text, never parsed as markup.
 */

const PLUGIN = 'ehc-caseload';
const ROUTE = '/ehc-caseload';

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name === 'className') {
      node.className = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  });
  children.flat(Infinity).forEach((child) => {
    if (child !== undefined && child !== null && child !== false) {
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

function replaceContent(node, ...children) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
  children.flat(Infinity).forEach((child) => child && node.appendChild(child));
}

async function loadCaseload(api) {
  const response = await fetch(`${api.cockpitApi}/plugin/${PLUGIN}/${encodeURIComponent(api.engine)}/caseload`, {
    method: 'GET',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken },
  });
  let body = null;
  try {
    body = await response.json();
  } catch (notJson) {
    body = null;
  }
  if (!response.ok) {
    const error = new Error((body && body.message) || `The server answered ${response.status}.`);
    error.status = response.status;
    throw error;
  }
  return body;
}

// ---------------------------------------------------------------------------------------------
// Words and numbers.

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

function parseDay(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}

function longDate(iso) {
  const d = parseDay(iso);
  if (!d) {
    return iso || '';
  }
  const weekday = DAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()];
  return `${weekday} ${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

function shortDate(iso) {
  const d = parseDay(iso);
  return d ? `${d.day} ${MONTHS[d.month - 1]}` : (iso || '');
}

function tasks(n) {
  return `${n} open ${n === 1 ? 'task' : 'tasks'}`;
}

// ---------------------------------------------------------------------------------------------
// Links into Tasklist: the managers' filter of every open task, narrowed by Tasklist's own search.

function tasklistLink(api, filterId, searchType, value) {
  if (!filterId || !value) {
    return null;
  }
  const app = String(api.cockpitApi).replace(/\/api\/cockpit\/?$/, '');
  const search = JSON.stringify([{ type: searchType, operator: 'eq', value, name: '' }]);
  return `${app}/app/tasklist/${encodeURIComponent(api.engine)}/#/?filter=${encodeURIComponent(filterId)}`
    + `&searchQuery=${encodeURIComponent(search)}`;
}

// ---------------------------------------------------------------------------------------------
// The tables. Counts are right-aligned; an overdue count is marked by a symbol and the word, not
// by its colour alone.

function countCell(n) {
  return el('td', { className: n > 0 ? 'ehc-num' : 'ehc-num ehc-zero' }, String(n));
}

function overdueCell(n) {
  if (n > 0) {
    return el('td', { className: 'ehc-num ehc-overdue', 'data-overdue': n },
      el('span', { className: 'ehc-flag', 'aria-hidden': 'true' }, '\u26A0 '),
      el('strong', {}, String(n)),
      el('span', { className: 'ehc-overdue-word' }, ' overdue'));
  }
  return el('td', { className: 'ehc-num ehc-zero', 'data-overdue': 0 }, '0');
}

function header(columns) {
  return el('thead', {}, el('tr', {}, columns.map((column, i) => el('th', {
    scope: 'col', className: i === 0 ? null : 'ehc-num',
  }, column))));
}

function rowHeader(label, href, detail, linkLabel) {
  return el('th', { scope: 'row' },
    href ? el('a', { href, className: 'ehc-tasklist-link', 'aria-label': linkLabel }, label) : label,
    detail ? el('span', { className: 'ehc-detail' }, ` ${detail}`) : null);
}

function peopleTable(api, caseload) {
  const people = caseload.people || [];
  const unassigned = caseload.unassigned || { open: 0, overdue: 0, dueThisWeek: 0 };
  const total = caseload.total || { open: 0, overdue: 0, dueThisWeek: 0 };
  const rows = people.map((p) => el('tr', {
    'data-user-id': p.userId,
    'data-caseworker': p.caseworker ? 'true' : 'false',
    className: p.overdue > 0 ? 'ehc-has-overdue' : null,
  },
  rowHeader(p.name,
    p.open > 0 ? tasklistLink(api, caseload.tasklistFilterId, 'assignee', p.userId) : null,
    p.name === p.userId ? null : `(${p.userId})`,
    `${p.name}: ${tasks(p.open)}, open them in Tasklist`),
  countCell(p.open), overdueCell(p.overdue), countCell(p.dueThisWeek)));
  rows.push(el('tr', { 'data-user-id': '', className: `ehc-unassigned${unassigned.overdue > 0 ? ' ehc-has-overdue' : ''}` },
    rowHeader('Not assigned to anyone', null, '(waiting in a group\'s queue)'),
    countCell(unassigned.open), overdueCell(unassigned.overdue), countCell(unassigned.dueThisWeek)));
  return el('table', { id: 'ehc-caseload-people', className: 'table table-bordered cam-table ehc-table' },
    el('caption', {}, 'Open tasks by the person holding them, busiest first; every caseworker is listed, '
      + 'even with none, and last the tasks nobody holds yet'),
    header(['Person', 'Open tasks', 'Overdue', 'Due this week']),
    el('tbody', {}, rows),
    el('tfoot', {}, el('tr', { className: 'ehc-total' },
      el('th', { scope: 'row' }, 'All open tasks'),
      countCell(total.open), overdueCell(total.overdue), countCell(total.dueThisWeek))));
}

function groupsTable(api, caseload) {
  const rows = (caseload.groups || []).map((g) => el('tr', {
    'data-group-id': g.groupId,
    className: g.overdue > 0 ? 'ehc-has-overdue' : null,
  },
  rowHeader(g.name,
    g.open > 0 ? tasklistLink(api, caseload.tasklistFilterId, 'candidateGroup', g.groupId) : null,
    null,
    `${g.name}: ${tasks(g.open)}, open them in Tasklist`),
  countCell(g.open), countCell(g.unassigned), overdueCell(g.overdue), countCell(g.dueThisWeek)));
  const none = caseload.withoutGroup;
  if (none && none.open > 0) {
    rows.push(el('tr', { 'data-group-id': '', className: 'ehc-no-group' },
      rowHeader('Offered to no group', null, '(no group\'s queue shows them)'),
      countCell(none.open), el('td', { className: 'ehc-num' }, '\u2013'), overdueCell(none.overdue),
      countCell(none.dueThisWeek)));
  }
  return el('table', { id: 'ehc-caseload-groups', className: 'table table-bordered cam-table ehc-table' },
    el('caption', {}, 'Open tasks by the group they are offered to; a task offered to two groups counts in both'),
    header(['Group', 'Open tasks', 'Not yet claimed', 'Overdue', 'Due this week']),
    el('tbody', {}, rows));
}

function summary(caseload) {
  const total = caseload.total || { open: 0, overdue: 0, dueThisWeek: 0 };
  return el('p', { className: 'ehc-summary' },
    `${longDate(caseload.today)}: ${tasks(total.open)}, `,
    el('strong', {}, `${total.overdue} overdue`),
    `, ${total.dueThisWeek} due this week (${shortDate(caseload.today)} to ${shortDate(caseload.weekEnds)}).`);
}

function failure(error) {
  const text = error.status === 403
    ? `You do not have access to the caseload. ${error.message}`
    : `Could not load the caseload: ${error.message}`;
  return el('p', { className: 'ehc-message ehc-error', role: 'alert' }, text);
}

// ---------------------------------------------------------------------------------------------
// The view, the dashboard box and the header link.

function renderView(node, api) {
  const status = el('div', { className: 'ehc-status', 'aria-live': 'polite' },
    el('p', { className: 'ehc-message' }, 'Loading the caseload\u2026'));
  const content = el('div', { className: 'ehc-content' });
  node.appendChild(el('div', { className: `${PLUGIN} ehc-page` },
    el('h1', {}, 'Caseload'),
    el('p', { className: 'ehc-note' }, 'Who holds the open tasks today, to share the work out fairly. '
      + 'A task is overdue once its due day has passed; this week is today and the six days after. '
      + 'A name opens that person\'s or group\'s tasks in Tasklist, where you can reassign them.'),
    status, content));

  loadCaseload(api).then((caseload) => {
    replaceContent(status);
    replaceContent(content,
      summary(caseload),
      el('section', { 'aria-labelledby': 'ehc-caseload-by-person' },
        el('h2', { id: 'ehc-caseload-by-person' }, 'By person'),
        peopleTable(api, caseload)),
      el('section', { 'aria-labelledby': 'ehc-caseload-by-group' },
        el('h2', { id: 'ehc-caseload-by-group' }, 'By group'),
        groupsTable(api, caseload)),
      caseload.tasklistFilterId ? null : el('p', { className: 'ehc-note' },
        `The Tasklist filter "Caseload: every open task" is missing, so the names do not link to Tasklist.`));
  }).catch((error) => replaceContent(status, failure(error)));
}

function renderDashboardBox(node, api) {
  const body = el('div', { 'aria-live': 'polite' }, el('p', { className: 'ehc-message' }, 'Loading the caseload\u2026'));
  node.appendChild(el('section', { className: `${PLUGIN} ehc-box`, 'aria-labelledby': 'ehc-caseload-box-title' },
    el('h2', { id: 'ehc-caseload-box-title' }, 'Caseload'), body));
  loadCaseload(api).then((caseload) => {
    replaceContent(body,
      summary(caseload),
      el('p', {}, el('a', { href: `#${ROUTE}`, className: 'ehc-open-caseload' }, 'Open the caseload by person and group')));
  }).catch((error) => replaceContent(body, failure(error)));
}

export default [
  {
    id: 'ehc-caseload-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 15,
    render: (node, { api }) => renderDashboardBox(node, api),
    properties: { label: 'Caseload' },
  },
  {
    id: 'ehc-caseload-route',
    pluginPoint: 'cockpit.route',
    priority: 0,
    render: (node, { api }) => renderView(node, api),
    properties: { path: ROUTE, label: 'Caseload' },
  },
  {
    id: 'ehc-caseload-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 49,
    render: (node) => {
      node.appendChild(el('a', { href: `#${ROUTE}`, className: 'ehc-caseload-nav-link' }, 'Caseload'));
    },
    properties: {
      path: ROUTE,
      label: 'Caseload',
      checkActive: (path) => path.indexOf(`#${ROUTE}`) > -1,
    },
  },
];

/*
 * EHC Flow: task cards and the list's order in Tasklist (plugin "ehc-task-cards").
 *
 * A plain ES module, no build step and no libraries.
 *
 * 1. Each card in the task list shows the statutory date as a date and how many days are left, or
 *    how many days it is overdue, counted on the day the list is read (London time), and what the
 *    task's description says of the case (the stage and the case's reference, written by the
 *    engine when the task is created). The task's name says the step and the child.
 *
 * 2. Every list opens sorted by due date, soonest first (undated tasks last), and the sort header
 *    says so. Tasklist takes its order from the "sorting" parameter of the page's address and,
 *    without one, sorts by creation date; so when an address has no "sorting", this adds the due
 *    date order. A sort the user picks is in the address and is left alone.
 *
 * Everything from the server goes into the page as text.
 */

const DUE_SOONEST_FIRST = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);
const ZONE = 'Europe/London';
const DAY = 24 * 60 * 60 * 1000;

function sortByDueDateUnlessChosen() {
  const hash = window.location.hash || '#/';
  const query = hash.indexOf('?');
  const route = query < 0 ? hash : hash.slice(0, query);
  if (route !== '#/' && route !== '#' && route !== '') {
    return;
  }
  const params = new URLSearchParams(query < 0 ? '' : hash.slice(query + 1));
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', DUE_SOONEST_FIRST);
  window.location.replace('#/?' + params.toString());
}

// Before Tasklist reads the address (this module loads before the app starts), and again whenever
// a link leads back to a list without an order (the header's "Tasklist" link, a filter's link).
sortByDueDateUnlessChosen();
window.addEventListener('hashchange', sortByDueDateUnlessChosen);

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, String(value));
    }
  });
  children.flat().forEach((child) => {
    if (child !== undefined && child !== null) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  });
  return node;
}

/** The description's "Label: value" lines, by label. */
function caseLines(description) {
  const lines = {};
  (description || '').split('\n').forEach((line) => {
    const colon = line.indexOf(': ');
    if (colon > 0) {
      lines[line.slice(0, colon).trim()] = line.slice(colon + 2).trim();
    }
  });
  return lines;
}

/** The engine writes "2027-02-16T00:00:00.000+0000"; Date wants the offset as "+00:00". */
function instant(engineDate) {
  return new Date(engineDate.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}

/** A London calendar day as a UTC midnight, so two days subtract to whole days. */
function londonDay(date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit'
  }).formatToParts(date);
  const part = (type) => Number(parts.find((p) => p.type === type).value);
  return Date.UTC(part('year'), part('month') - 1, part('day'));
}

function statutoryDate(due) {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric'
  }).format(due);
}

function daysLeft(due) {
  const days = Math.round((londonDay(due) - londonDay(new Date())) / DAY);
  if (days === 0) {
    return { text: 'Due today', state: 'today' };
  }
  if (days < 0) {
    return { text: -days + (days === -1 ? ' day overdue' : ' days overdue'), state: 'overdue' };
  }
  return { text: days + (days === 1 ? ' day left' : ' days left'), state: days <= 7 ? 'soon' : 'later' };
}

/**
 * What the card shows before it is opened (Tasklist shows a card's first lines only): the
 * statutory date and the days left, the stage, the case's reference. The child is in the task's
 * name, above.
 */
function card(task) {
  const lines = caseLines(task.description);
  const due = [];
  if (task.due) {
    const date = instant(task.due);
    const left = daysLeft(date);
    due.push(element('span', { class: 'ehc-task-card-label' }, 'Statutory date '),
      element('span', { class: 'ehc-task-card-date' }, statutoryDate(date)), ' ',
      element('span', { class: 'ehc-task-card-left ehc-task-card-' + left.state }, left.text));
  } else {
    due.push(element('span', { class: 'ehc-task-card-undated' }, 'No statutory date'));
  }
  return element('div', { class: 'ehc-task-card' },
    element('p', { class: 'ehc-task-card-due' }, due),
    lines.Stage ? element('p', { class: 'ehc-task-card-stage' }, lines.Stage) : null,
    lines.Case ? element('p', { class: 'ehc-task-card-case' },
      element('span', { class: 'ehc-task-card-label' }, 'Case '), lines.Case) : null);
}

function render(node, { taskId, api }) {
  node.replaceChildren();
  fetch(api.engineApi + '/task/' + encodeURIComponent(taskId), {
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken },
    credentials: 'same-origin'
  }).then(async (response) => {
    if (response.ok) {
      node.replaceChildren(card(await response.json()));
    }
  }).catch(() => {
    // The card keeps Tasklist's own lines; the task's form still opens and says what is wrong.
  });
}

export default [{
  id: 'ehc-task-card',
  pluginPoint: 'tasklist.card',
  // Before Tasklist's own variables, so the case comes first on the card.
  priority: 1000,
  render
}];

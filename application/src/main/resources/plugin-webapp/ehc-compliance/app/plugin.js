/*
 * EHC Flow: statutory compliance in Cockpit (plugin "ehc-compliance").
 *
 * A plain ES module, no build step and no libraries. Cockpit (7.14+) imports it from
 * /camunda/api/cockpit/plugin/ehc-compliance/static/app/plugin.js and calls render(node, {api, ...})
 * for each plugin point below. Data comes only from the plugin's own API,
 * {api.cockpitApi}/plugin/ehc-compliance/{engine}/..., in the user's Cockpit session.
 *
 * Every value from the server goes into the page as text (text nodes and setAttribute), never
 * parsed as markup.
 */

const PLUGIN = 'ehc-compliance';
const ROUTE = '/ehc-compliance';

const PATHWAYS = {
  'ehc-needs-assessment': 'EHC needs assessment',
  'ehc-annual-review': 'Annual review',
  'ehc-phase-transfer': 'Phase-transfer review',
  'section-23-notification': 'Section 23 notification',
  'ehc-record-case-event': 'Exception or withdrawal',
  'ehc-disagreement': 'Disagreement: mediation and appeal',
  'ehc-tribunal-order': 'Tribunal order or agreement',
  'ehc-transfer-out': 'Plan moving to another council',
  'ehc-transfer-in': 'Plan moved in',
  'ehc-cease-plan': 'Ceasing the plan',
  'ehc-reassessment': 'Re-assessment',
  'ehc-amend-plan': 'Amending the plan',
};

const PARTNERS = {
  'la-caseworker': 'SEN caseworkers',
  'la-manager': 'SEN managers',
  'ehc-panel': 'EHC panel',
  'educational-psychology': 'Educational psychology',
  health: 'Health',
  'social-care': 'Social care',
  'education-setting': 'Education settings',
  'early-years': 'Early years',
};

const KINDS = {
  'case-opened': 'Case opened',
  task: 'Task',
  decision: 'Decision',
  notice: 'Notice',
  deadline: 'Deadline',
  exception: 'Exception',
  'case-closed': 'Case closed',
  document: 'Document',
};

// ---------------------------------------------------------------------------------------------
// Small DOM helpers: text is always text.

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name === 'className') {
      node.className = value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  });
  append(node, children);
  return node;
}

function append(node, children) {
  children.flat(Infinity).forEach((child) => {
    if (child === undefined || child === null || child === false) {
      return;
    }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return node;
}

function clear(node) {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
}

// ---------------------------------------------------------------------------------------------
// The plugin's API.

// A document opens from the case file's own API (the Tasklist plugin's), in the same web-app session.
function documentLink(api, documentId) {
  const tasklistApi = api.tasklistApi || String(api.cockpitApi).replace(/\/cockpit$/, '/tasklist');
  return el('div', {}, el('a', {
    href: `${tasklistApi}/plugin/ehc-case-file/${encodeURIComponent(api.engine)}/documents/${encodeURIComponent(documentId)}`,
    className: 'ehc-document-link',
  }, 'Open the document'));
}

function apiBase(api) {
  return `${api.cockpitApi}/plugin/${PLUGIN}/${encodeURIComponent(api.engine)}`;
}

function query(params) {
  const search = new URLSearchParams();
  Object.entries(params || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, value);
    }
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function getJson(api, path, params) {
  const response = await fetch(apiBase(api) + '/' + path + query(params), {
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

function printableChronologyUrl(api, ref) {
  return apiBase(api) + '/chronology.html' + query(ref.childId ? { childId: ref.childId }
    : { processInstanceId: ref.processInstanceId });
}

// ---------------------------------------------------------------------------------------------
// Formatting, in plain British English.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
  return match ? `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}` : (iso || '');
}

function formatDateTime(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso || '');
  return match ? `${formatDate(iso)}, ${match[4]}:${match[5]}` : formatDate(iso);
}

function formatMonth(yearMonth) {
  const match = /^(\d{4})-(\d{2})/.exec(yearMonth || '');
  return match ? `${LONG_MONTHS[Number(match[2]) - 1]} ${match[1]}` : (yearMonth || '');
}

function formatPercent(value) {
  return value === null || value === undefined ? 'n/a' : `${Number(value).toFixed(1)}%`;
}

function pathwayName(key) {
  return PATHWAYS[key] || key || '';
}

function partnerName(key) {
  return PARTNERS[key] || key || '';
}

// ---------------------------------------------------------------------------------------------
// Counts that open onto their cases.

function caseLink(api, ref) {
  const who = [ref.childName, ref.childId ? `(${ref.childId})` : null].filter(Boolean).join(' ');
  const label = [who || ref.businessKey || ref.processInstanceId, ref.businessKey && who ? ref.businessKey : null]
    .filter(Boolean).join(', ');
  const link = ref.running
    ? el('a', {
      href: `#/process-instance/${encodeURIComponent(ref.processInstanceId)}/runtime`,
      className: 'ehc-case-link',
      'data-process-instance-id': ref.processInstanceId,
      title: 'Open this case in Cockpit',
    }, label)
    : el('a', {
      href: printableChronologyUrl(api, ref),
      target: '_blank',
      rel: 'noopener',
      className: 'ehc-case-link ehc-ended',
      'data-process-instance-id': ref.processInstanceId,
      title: 'Case ended: open the printable chronology',
    }, label, ' (ended: chronology)');
  return el('li', {}, link, ref.date ? el('span', { className: 'ehc-case-date' }, ` ${formatDate(ref.date)}`) : null);
}

/** A number, and where cases stand behind it, a list of them to open. */
function count(api, value, cases, what) {
  const n = Number(value || 0);
  const refs = cases || [];
  if (n === 0 || refs.length === 0) {
    return el('span', { className: n > 0 ? 'ehc-count' : 'ehc-count ehc-zero' }, String(n));
  }
  const list = el('ul', { className: 'ehc-cases' }, refs.map((ref) => caseLink(api, ref)));
  return el('details', { className: 'ehc-count-details' },
    el('summary', { 'aria-label': `${n} ${what}: show the cases` }, el('span', { className: 'ehc-count' }, String(n))),
    list,
    refs.length < n ? el('p', { className: 'ehc-note' }, `Showing the first ${refs.length} of ${n}.`) : null);
}

/** A table whose first textColumns columns are text and the rest are counts (right-aligned). */
function table(caption, headers, rows, attrs, textColumns = 1) {
  return el('table', Object.assign({ className: 'table table-bordered cam-table ehc-table' }, attrs || {}),
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headers.map((header, i) => el('th', {
      scope: 'col', className: i < textColumns ? null : 'ehc-num',
    }, header)))),
    el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: headers.length }, 'Nothing to show.'))));
}

function row(cells, attrs, textColumns = 1) {
  return el('tr', attrs || {}, cells.map((cell, i) => {
    if (i === 0) {
      return el('th', { scope: 'row' }, cell);
    }
    return el('td', { className: i < textColumns ? null : 'ehc-num' }, cell);
  }));
}

function message(text, kind) {
  return el('p', { className: `ehc-message ehc-${kind || 'info'}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

function failure(error, what) {
  if (error.status === 403) {
    return message(`You do not have access to ${what}. ${error.message}`, 'error');
  }
  return message(`Could not load ${what}: ${error.message}`, 'error');
}

// ---------------------------------------------------------------------------------------------
// The dashboard box.

function renderDashboardBox(node, api) {
  const box = el('section', { className: `${PLUGIN} ehc-box`, 'aria-labelledby': 'ehc-box-title' },
    el('h2', { id: 'ehc-box-title' }, 'Statutory compliance'));
  const body = el('div', { 'aria-live': 'polite' }, message('Loading the deadlines…'));
  append(box, [body]);
  node.appendChild(box);

  getJson(api, 'figures').then((figures) => {
    clear(body);
    const deadlines = figures.deadlines || [];
    const overdueTotal = deadlines.reduce((sum, d) => sum + (d.overdue || 0), 0);
    append(body, [
      el('p', { className: 'ehc-summary' },
        overdueTotal === 0 ? 'No statutory deadline is overdue today' : `${overdueTotal} overdue today`,
        ` (${formatDate(figures.today)}).`),
      table('Overdue deadlines today, by kind', ['Deadline', 'Overdue', 'Due this week'],
        deadlines.map((d) => row([
          d.label,
          count(api, d.overdue, d.overdueCases, `overdue: ${d.label}`),
          count(api, d.dueThisWeek, d.dueThisWeekCases, `due this week: ${d.label}`),
        ], { 'data-kind': d.kind, className: d.overdue > 0 ? 'ehc-overdue' : null })),
        { className: 'table table-condensed cam-table ehc-table ehc-compact' }),
      el('p', {}, el('a', { href: `#${ROUTE}`, className: 'ehc-open-view' }, 'Open the full compliance view')),
    ]);
  }).catch((error) => {
    clear(body);
    append(body, [failure(error, 'the compliance figures')]);
  });
}

// ---------------------------------------------------------------------------------------------
// The full compliance view.

function renderComplianceView(node, api) {
  const fromInput = el('input', { type: 'date', id: 'ehc-from', name: 'from', required: true, className: 'form-control' });
  const toInput = el('input', { type: 'date', id: 'ehc-to', name: 'to', required: true, className: 'form-control' });
  const status = el('div', { 'aria-live': 'polite', className: 'ehc-status' });
  const content = el('div', { className: 'ehc-content' });

  const form = el('form', {
    className: 'form-inline ehc-period',
    onsubmit: (event) => {
      event.preventDefault();
      load(fromInput.value, toInput.value);
    },
  },
  el('fieldset', {},
    el('legend', {}, 'Period'),
    el('label', { for: 'ehc-from' }, 'From '), fromInput, ' ',
    el('label', { for: 'ehc-to' }, 'to '), toInput, ' ',
    el('button', { type: 'submit', className: 'btn btn-primary' }, 'Show figures'),
    el('p', { className: 'ehc-note' }, 'Issued plans, advice, reviews and transfers are counted in this period; '
      + 'open cases and overdue deadlines are as of today. The default is the last 12 months.')));

  const page = el('div', { className: `${PLUGIN} ehc-page` },
    el('h1', {}, 'Statutory compliance'),
    form, status, content);
  node.appendChild(page);

  function load(from, to) {
    clear(status);
    append(status, [message('Loading the figures…')]);
    getJson(api, 'figures', { from, to }).then((figures) => {
      clear(status);
      fromInput.value = figures.from;
      toInput.value = figures.to;
      clear(content);
      append(content, sections(api, figures));
    }).catch((error) => {
      clear(status);
      append(status, [failure(error, 'the compliance figures')]);
    });
  }

  load(null, null);
}

function sections(api, f) {
  const reviews = f.reviews || {};
  return [
    el('p', { className: 'ehc-summary' }, `Period ${formatDate(f.from)} to ${formatDate(f.to)}; today is ${formatDate(f.today)}.`),

    el('section', { 'aria-labelledby': 'ehc-deadlines' },
      el('h2', { id: 'ehc-deadlines' }, 'Deadlines'),
      table('Statutory deadlines due in the next 7 days and already missed, as of today',
        ['Deadline', 'Due this week', 'Overdue'],
        (f.deadlines || []).map((d) => row([
          d.label,
          count(api, d.dueThisWeek, d.dueThisWeekCases, `due this week: ${d.label}`),
          count(api, d.overdue, d.overdueCases, `overdue: ${d.label}`),
        ], { 'data-kind': d.kind, className: d.overdue > 0 ? 'ehc-overdue' : null })),
        { id: 'ehc-deadlines-table' })),

    el('section', { 'aria-labelledby': 'ehc-open-cases' },
      el('h2', { id: 'ehc-open-cases' }, 'Open cases by stage'),
      table('Running cases by pathway and the stage they are at today', ['Pathway', 'Stage', 'Cases'],
        (f.openCases || []).map((s) => row([
          pathwayName(s.pathway),
          s.stageName || s.stage,
          count(api, s.count, s.cases, `at ${s.stageName || s.stage}`),
        ], { 'data-pathway': s.pathway, 'data-stage': s.stage }, 2)),
        { id: 'ehc-open-cases-table' }, 2)),

    el('section', { 'aria-labelledby': 'ehc-timeliness' },
      el('h2', { id: 'ehc-timeliness' }, 'New plans issued within 20 weeks'),
      table('New EHC plans issued each month and how many were issued within 20 weeks of the request, '
        + 'with and without the cases where an exception to the time limit applied',
      ['Month', 'Issued', 'Within 20 weeks', '%', 'Issued (excluding exceptions)',
        'Within 20 weeks (excluding exceptions)', '% (excluding exceptions)', 'Late'],
      (f.timeliness || []).map((m) => row([
        formatMonth(m.month), String(m.issued), String(m.within20Weeks), formatPercent(m.percent),
        String(m.issuedExcludingExceptions), String(m.within20WeeksExcludingExceptions),
        formatPercent(m.percentExcludingExceptions),
        count(api, (m.issued || 0) - (m.within20Weeks || 0), m.late, `issued late in ${formatMonth(m.month)}`),
      ], { 'data-month': m.month })),
      { id: 'ehc-timeliness-table' })),

    el('section', { 'aria-labelledby': 'ehc-clocks' },
      el('h2', { id: 'ehc-clocks' }, 'Every statutory clock due in the period'),
      table('Statutory limits that fell in the period, as they stand today: met by the limit, met after it, '
        + 'or passed and not yet met. A clock whose case ended first (withdrawn, refused, moved away) is left out; '
        + 'cases with an exception to the time limit are counted beside, not taken out',
      ['Clock', 'Due in the period', 'Met on time', 'Met late', 'Passed, not met', 'With exceptions', '% on time',
        'Late or missed cases'],
      (f.clocks || []).map((c) => row([
        c.label, String(c.due), String(c.onTime), String(c.late), String(c.missed), String(c.withExceptions),
        formatPercent(c.due ? Math.round((1000 * c.onTime) / c.due) / 10 : null),
        count(api, (c.late || 0) + (c.missed || 0), c.lateOrMissed, `late or missed: ${c.label}`),
      ], { 'data-kind': c.kind, className: c.missed > 0 ? 'ehc-overdue' : null })),
      { id: 'ehc-clocks-table' })),

    el('section', { 'aria-labelledby': 'ehc-advice' },
      el('h2', { id: 'ehc-advice' }, 'Advice from partners'),
      table('Advice requested in the period by partner, and advice still outstanding',
        ['Partner', 'Requested', 'On time', 'Late', 'Outstanding', 'Outstanding and overdue', 'Late or overdue cases'],
        (f.advice || []).map((a) => row([
          partnerName(a.partner), String(a.requested), String(a.onTime), String(a.late), String(a.outstanding),
          String(a.outstandingOverdue),
          count(api, (a.lateOrOverdue || []).length, a.lateOrOverdue, `late or overdue advice: ${partnerName(a.partner)}`),
        ], { 'data-partner': a.partner })),
        { id: 'ehc-advice-table' })),

    el('section', { 'aria-labelledby': 'ehc-reviews' },
      el('h2', { id: 'ehc-reviews' }, 'Annual reviews'),
      table('Annual reviews in the period: meetings held, decisions within 4 weeks of the meeting, and outcomes',
        ['Reviews', 'Due', 'Held', 'Decided within 4 weeks', 'Decided late', 'Overdue', 'Maintained', 'Amended', 'Ceased'],
        [row([
          'All plans',
          String(reviews.due || 0), String(reviews.held || 0), String(reviews.decidedWithin4Weeks || 0),
          count(api, reviews.decidedLate, reviews.decidedLateCases, 'reviews decided late'),
          count(api, reviews.overdue, reviews.overdueCases, 'reviews overdue'),
          String(reviews.maintained || 0), String(reviews.amended || 0), String(reviews.ceased || 0),
        ])],
        { id: 'ehc-reviews-table' })),

    el('section', { 'aria-labelledby': 'ehc-transfers' },
      el('h2', { id: 'ehc-transfers' }, 'Phase transfers'),
      table('Phase-transfer reviews by statutory deadline (15 February, 31 March or five months before a post-16 move)',
        ['Deadline', 'Total', 'Issued on time', 'Issued late', 'On track', 'At risk', 'Late'],
        (f.phaseTransfers || []).map((t) => row([
          formatDate(t.deadline), String(t.total), String(t.issuedOnTime), String(t.issuedLate), String(t.onTrack),
          count(api, t.atRisk, t.atRiskCases, `at risk for ${formatDate(t.deadline)}`),
          count(api, t.late, t.lateCases, `late for ${formatDate(t.deadline)}`),
        ], { 'data-deadline': t.deadline })),
        { id: 'ehc-transfers-table' })),
  ];
}

// ---------------------------------------------------------------------------------------------
// The case's chronology, as a tab of the process instance view.

function renderChronologyTab(node, api, processInstanceId) {
  const printable = el('a', {
    href: apiBase(api) + '/chronology.html' + query({ processInstanceId }),
    target: '_blank',
    rel: 'noopener',
    className: 'btn btn-default ehc-printable',
  }, 'Printable chronology');
  // The bundle comes from the plugin's own API in this Cockpit session: a plain link, no password.
  const bundle = el('a', {
    href: apiBase(api) + '/bundle.pdf' + query({ processInstanceId }),
    className: 'btn btn-default ehc-bundle',
    download: '',
  }, 'Tribunal bundle (PDF)');
  const body = el('div', { 'aria-live': 'polite' }, message('Loading the chronology…'));
  node.appendChild(el('div', { className: `${PLUGIN} ehc-chronology` },
    el('p', {}, 'Every step of this child\'s cases, across all pathways, oldest first. ', printable, ' ', bundle),
    body));

  // The letters come with the chronology; without them the chronology still shows, only unreadable.
  const letters = getJson(api, 'notices', { processInstanceId }).catch((error) => ({ error }));
  Promise.all([getJson(api, 'chronology', { processInstanceId }), letters]).then(([entries, notices]) => {
    const byId = new Map(Array.isArray(notices) ? notices.map((n) => [n.noticeId, n]) : []);
    clear(body);
    append(body, [
      notices && notices.error ? failure(notices.error, 'the text of this child\'s notices') : null,
      table('The child\'s chronology', ['Date and time', 'Pathway', 'Event', 'By', 'Detail'],
        (entries || []).map((e) => el('tr', {
          className: `ehc-kind-${String(e.kind || 'other').replace(/[^a-z0-9-]/g, '')}`
            + (e.processInstanceId === processInstanceId ? ' ehc-this-case' : ''),
        },
        el('td', { className: 'ehc-when' }, formatDateTime(e.at)),
        el('td', {}, pathwayName(e.pathway), e.caseKey ? el('div', { className: 'ehc-case-key' }, e.caseKey) : null),
        el('td', {}, e.kind ? el('span', { className: 'ehc-kind' }, `${KINDS[e.kind] || e.kind}: `) : null, e.event || ''),
        el('td', {}, e.by || ''),
        el('td', { className: 'ehc-detail' }, e.detail || '',
          e.delivery ? el('div', { className: 'ehc-delivery' }, e.delivery) : null,
          e.noticeId && byId.has(e.noticeId) ? noticeText(byId.get(e.noticeId)) : null,
          e.documentId ? documentLink(api, e.documentId) : null))),
        { id: 'ehc-chronology-table' }, 5),
    ]);
  }).catch((error) => {
    clear(body);
    append(body, [failure(error, 'this child\'s chronology')]);
  });
}

/** A notice as it went out (or waits to), opened in place: the letter's own words, as text. */
function noticeText(notice) {
  const fact = (name, value) => (value ? [el('dt', {}, name), el('dd', {}, value)] : []);
  return el('details', { className: 'ehc-notice', 'data-notice-id': notice.noticeId },
    el('summary', {}, 'Read the notice'),
    el('dl', { className: 'ehc-notice-facts' },
      fact(notice.sentAt ? 'Sent' : 'Written', formatDateTime(notice.sentAt || notice.createdAt)),
      fact('From', notice.from),
      fact('To', notice.recipient),
      fact('Subject', notice.subject),
      fact('Delivery', notice.delivery)),
    el('pre', { className: 'ehc-letter' }, notice.body || ''));
}

// ---------------------------------------------------------------------------------------------

export default [
  {
    id: 'ehc-compliance-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: (node, { api }) => renderDashboardBox(node, api),
    properties: { label: 'Statutory compliance' },
  },
  {
    id: 'ehc-compliance-route',
    pluginPoint: 'cockpit.route',
    priority: 0,
    render: (node, { api }) => renderComplianceView(node, api),
    properties: { path: ROUTE, label: 'Compliance' },
  },
  {
    id: 'ehc-compliance-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    render: (node) => {
      node.appendChild(el('a', { href: `#${ROUTE}`, className: 'ehc-nav-link' }, 'Compliance'));
    },
    properties: {
      path: ROUTE,
      label: 'Compliance',
      checkActive: (path) => path.indexOf(`#${ROUTE}`) > -1,
    },
  },
  {
    id: 'ehc-compliance-chronology',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 5,
    render: (node, { api, processInstanceId }) => renderChronologyTab(node, api, processInstanceId),
    properties: { label: 'Chronology' },
  },
];

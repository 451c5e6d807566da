/*
 * EHC Flow in Camunda's web apps (a "custom script" of Tasklist's and Cockpit's config.js): what
 * Camunda's own pages lack for a council's staff and for WCAG 2.2 AA.
 *
 * - The login form's inputs have only placeholders, which vanish as one types and which not every
 *   screen reader announces: each gets a visible label and says what it is for (autocomplete).
 * - The council's name stands where Camunda's logo was, on the login page.
 * - Camunda's icon-only buttons get a name a screen reader can say.
 * - "Create task" makes a task outside every pathway (no child, no group, no deadline): only those
 *   the engine lets create tasks see it. The engine refuses everyone else anyway.
 *
 * - Tasklist's search box looks in task names, which carry the child's name and id. An NHS number
 *   is kept out of names (everyone who sees the list would see it), so a typed NHS number becomes a
 *   search of the cases' nhsNumber value, shown as that pill.
 * - A refusal from the server ("Invalid review decision. reviewDecisionDate: must not be in the
 *   future") is shown as one sentence naming the field as the form labels it ("Date of the
 *   decision must not be in the future."). The API keeps its own wording for integrators.
 *
 * Camunda redraws these parts as people move around, so they are mended whenever they appear.
 */

const branding = fetch('/ehc/branding', { headers: { Accept: 'application/json' } })
  .then((response) => (response.ok ? response.json() : {}))
  .catch(() => ({}));

const LOGIN_FIELDS = [
  { selector: 'input[type="text"]', id: 'ehc-login-username', label: 'Username', autocomplete: 'username' },
  { selector: 'input[type="password"]', id: 'ehc-login-password', label: 'Password', autocomplete: 'current-password' }
];

function labelLoginForm(form) {
  for (const field of LOGIN_FIELDS) {
    const input = form.querySelector(field.selector);
    if (!input || input.id === field.id) {
      continue;
    }
    input.id = field.id;
    input.setAttribute('autocomplete', field.autocomplete);
    const label = document.createElement('label');
    label.htmlFor = field.id;
    label.className = 'ehc-login-label';
    label.textContent = field.label;
    input.before(label);
  }
}

function nameTheCouncil(header) {
  if (header.querySelector('.ehc-council-name')) {
    return;
  }
  const name = document.createElement('p');
  name.className = 'ehc-council-name';
  header.prepend(name);
  branding.then((council) => {
    name.textContent = council.council || '';
  });
}

function engineApi() {
  const root = document.querySelector('base').getAttribute('app-root');
  return root + '/api/engine/engine/default';
}

function showCreateTaskIfAllowed(action) {
  if (action.dataset.ehcChecked) {
    return;
  }
  action.dataset.ehcChecked = 'true';
  // Resource type 7 is the engine's TASK resource.
  fetch(engineApi() + '/authorization/check?permissionName=CREATE&resourceName=Task&resourceType=7', {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin'
  })
    .then((response) => (response.ok ? response.json() : { authorized: false }))
    .then((answer) => document.documentElement.classList.toggle('ehc-may-create-tasks', answer.authorized === true))
    .catch(() => document.documentElement.classList.remove('ehc-may-create-tasks'));
}

/*
 * Camunda's icon-only controls have no name a screen reader can read out (axe: button-name,
 * link-name), and the search box's aria-expanded needs the role it implies (aria-allowed-attr).
 */
const CONTROL_NAMES = [
  ['.app-switch > .dropdown-toggle', 'Switch to another web app'],
  ['button[data-region="filters"]', 'Show or hide the filters'],
  ['button[data-region="list"]', 'Show or hide the list of tasks'],
  ['.region-toggle[data-region="task"]', 'Show or hide the task'],
  ['button.maximize', 'Enlarge the task'],
  ['button.reset-regions', 'Show the filters, the list and the task again'],
  ['button.dropdown-toggle[ng-disabled*="searches.length"]', 'Saved searches'],
  ['.new-sort > .dropdown-toggle', 'Add a sort order']
];

function nameIconOnlyControls() {
  for (const [selector, name] of CONTROL_NAMES) {
    document.querySelectorAll(selector).forEach((control) => {
      if (!control.getAttribute('aria-label') && !control.textContent.trim()) {
        control.setAttribute('aria-label', name);
      }
    });
  }
  // An icon whose only words are its tooltip: the tooltip is its name.
  // (A link without href has no role that may carry a name; it is left alone.)
  document.querySelectorAll('a[href][uib-tooltip]:not([aria-label]), button[uib-tooltip]:not([aria-label])').forEach((control) => {
    const tooltip = control.getAttribute('uib-tooltip');
    if (tooltip && !tooltip.includes('{{') && !control.textContent.trim()) {
      control.setAttribute('aria-label', tooltip);
    }
  });
  document.querySelectorAll('input.main-field[aria-expanded]:not([role])').forEach((input) => {
    input.setAttribute('role', 'combobox');
  });
}

const REFUSAL = /^Invalid [^.]*\.\s+(\w+: [\s\S]+)$/;
const PREDICATE = /^(must|is|are|cannot|can|should|has|have|was|were|needs?|does|do)\b/;

function fieldLabel(key) {
  const field = document.querySelector(
    `.fjs-container [id$="-field_${key}"], .fjs-container [id$="-field_${key}-date"], ` +
      `.fjs-container [id$="-field_${key}-time"]`
  );
  const label = field && document.querySelector(`label[for="${field.id}"]`);
  const text = label ? label.textContent.replace(/\*\s*$/, '').trim() : '';
  return text || key;
}

function plainRefusal(message) {
  if (message.dataset.ehcPlain === message.textContent) {
    return;
  }
  const refusal = REFUSAL.exec(message.textContent.trim());
  if (!refusal) {
    return;
  }
  const problems = refusal[1]
    .split(/;\s+(?=\w+: )/)
    .map((problem) => {
      const colon = problem.indexOf(': ');
      const said = problem.slice(colon + 2).replace(/\.$/, '');
      // "Date of the meeting must not be in the future", but "Date told: the parent must be told
      // first": a problem that is a clause of its own keeps a colon after the label.
      const joiner = PREDICATE.test(said) ? ' ' : ': ';
      return `${fieldLabel(problem.slice(0, colon))}${joiner}${said}`;
    });
  message.textContent = `${problems.join('; ')}.`;
  message.dataset.ehcPlain = message.textContent;
}

const TYPED_NHS_NUMBER = /^[\s%]*(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})[\s%]*$/;

function searchNhsNumbers() {
  const question = location.hash.indexOf('?');
  if (question < 0) {
    return;
  }
  const params = location.hash.slice(question + 1).split('&');
  const at = params.findIndex((param) => param.startsWith('searchQuery='));
  if (at < 0) {
    return;
  }
  let pills;
  try {
    pills = JSON.parse(decodeURIComponent(params[at].slice('searchQuery='.length).replace(/\+/g, '%20')));
  } catch (unreadable) {
    return;
  }
  if (!Array.isArray(pills)) {
    return;
  }
  let changed = false;
  const searched = pills.map((pill) => {
    const typed = pill && pill.type === 'name' && TYPED_NHS_NUMBER.exec(String(pill.value));
    if (!typed) {
      return pill;
    }
    changed = true;
    // In single quotes, as Tasklist's own convention for text: unquoted, ten digits would be sent
    // as a number, which no text value equals.
    return { type: 'processVariables', operator: 'eq', name: 'nhsNumber', value: `'${typed.slice(1).join('')}'` };
  });
  if (changed) {
    params[at] = 'searchQuery=' + encodeURIComponent(JSON.stringify(searched));
    location.replace(location.hash.slice(0, question + 1) + params.join('&'));
  }
}

window.addEventListener('hashchange', searchNhsNumbers);

function mend() {
  document
    .querySelectorAll('.alert-danger .message, .alert-danger span, .alert-danger div')
    .forEach((element) => {
      if (element.children.length === 0) {
        plainRefusal(element);
      }
    });
  nameIconOnlyControls();
  document.querySelectorAll('form[name="signinForm"]').forEach(labelLoginForm);
  document.querySelectorAll('.login-header').forEach(nameTheCouncil);
  document.querySelectorAll('.create-task-action').forEach(showCreateTaskIfAllowed);
}

new MutationObserver(mend).observe(document.documentElement, { childList: true, subtree: true });
mend();

export default [];

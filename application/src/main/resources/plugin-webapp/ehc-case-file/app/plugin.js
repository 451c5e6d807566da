/*
 * EHC Flow: the case file in Tasklist (plugin "ehc-case-file").
 *
 * A plain ES module, no build step and no libraries. Tasklist imports it from
 * /camunda/api/tasklist/plugin/ehc-case-file/static/app/plugin.js and renders a "Case file" tab
 * beside each task's form, with render(node, {taskId, api}). Whoever works the task attaches
 * documents here; everyone sees the case's documents they may read, and opens each from here,
 * without leaving the task.
 *
 * Every value from the server goes into the page as text (text nodes and setAttribute), never
 * parsed as markup.
 */

const PLUGIN = 'ehc-case-file';
const ACCEPT = '.pdf,.docx,.odt,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png,'
  + 'application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text';

function apiBase(api) {
  return api.tasklistApi + '/plugin/' + PLUGIN + '/' + encodeURIComponent(api.engine);
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  });
  children.flat().forEach((child) => {
    if (child !== undefined && child !== null) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  });
  return node;
}

function size(bytes) {
  if (bytes >= 1024 * 1024) {
    return (bytes / (1024 * 1024)).toFixed(1) + ' MB';
  }
  return Math.max(1, Math.round(bytes / 1024)) + ' KB';
}

function when(iso) {
  const date = new Date(iso);
  return isNaN(date) ? iso : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
}

async function message(response) {
  try {
    const body = await response.json();
    return body.message || response.statusText;
  } catch (e) {
    return response.status === 413 ? 'The file is too large.' : response.statusText || 'The server did not answer.';
  }
}

function documentsTable(api, documents) {
  if (documents.length === 0) {
    return element('p', { class: 'ehc-case-file-empty' }, 'No documents you may read are in this case file yet.');
  }
  return element('table', { class: 'table table-condensed ehc-case-file-documents' },
    element('caption', {}, 'Documents in the case file, newest first'),
    element('thead', {}, element('tr', {},
      ['Document', 'Title', 'Attached to', 'By', 'When', 'Size'].map((heading) => element('th', { scope: 'col' }, heading)))),
    element('tbody', {}, documents.map((doc) => element('tr', { 'data-document-id': doc.id },
      element('td', {}, element('a', {
        href: apiBase(api) + '/documents/' + encodeURIComponent(doc.id),
        download: doc.name,
        class: 'ehc-case-file-open'
      }, doc.name)),
      element('td', {}, doc.title || ''),
      element('td', {}, doc.taskName || ''),
      element('td', {}, doc.uploadedBy),
      element('td', {}, element('time', { datetime: doc.uploadedAt }, when(doc.uploadedAt))),
      element('td', {}, size(doc.size))))));
}

function render(node, { taskId, api }) {
  const status = element('p', { class: 'ehc-case-file-status', role: 'status', 'aria-live': 'polite' });
  const listing = element('div', { class: 'ehc-case-file-listing' });
  const fileInput = element('input', { type: 'file', id: 'ehc-case-file-input', name: 'file', accept: ACCEPT, required: true });
  const titleInput = element('input', { type: 'text', id: 'ehc-case-file-title', name: 'title', maxlength: 200, class: 'form-control' });
  const button = element('button', { type: 'submit', class: 'btn btn-primary' }, 'Attach to this task');
  const form = element('form', { class: 'ehc-case-file-upload', novalidate: true },
    element('h4', {}, 'Attach a document'),
    element('p', { class: 'help-block' }, 'PDF, Word (DOCX), OpenDocument text, JPEG or PNG; one file at a time. '
      + 'Documents are kept with the case and never changed: attach a corrected version as a new document.'),
    element('div', { class: 'form-group' }, element('label', { for: 'ehc-case-file-input' }, 'File'), fileInput),
    element('div', { class: 'form-group' }, element('label', { for: 'ehc-case-file-title' }, 'Title (optional)'), titleInput),
    button);

  async function load() {
    const response = await fetch(apiBase(api) + '/tasks/' + encodeURIComponent(taskId) + '/documents', {
      headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken },
      credentials: 'same-origin'
    });
    listing.replaceChildren(response.ok ? documentsTable(api, await response.json())
      : element('p', { class: 'text-danger' }, await message(response)));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = fileInput.files[0];
    if (!file) {
      status.className = 'ehc-case-file-status text-danger';
      status.textContent = 'Choose a file to attach.';
      return;
    }
    button.disabled = true;
    status.className = 'ehc-case-file-status';
    status.textContent = 'Attaching ' + file.name + '…';
    const query = new URLSearchParams({ name: file.name });
    if (titleInput.value.trim()) {
      query.set('title', titleInput.value.trim());
    }
    try {
      const response = await fetch(apiBase(api) + '/tasks/' + encodeURIComponent(taskId) + '/documents?' + query, {
        method: 'POST',
        body: file,
        headers: { Accept: 'application/json', 'Content-Type': 'application/octet-stream', 'X-XSRF-TOKEN': api.CSRFToken },
        credentials: 'same-origin'
      });
      if (response.ok) {
        const added = await response.json();
        status.className = 'ehc-case-file-status text-success';
        status.textContent = added.name + ' is attached to this task.';
        form.reset();
        await load();
      } else {
        status.className = 'ehc-case-file-status text-danger';
        status.textContent = file.name + ' was not attached: ' + await message(response);
      }
    } catch (e) {
      status.className = 'ehc-case-file-status text-danger';
      status.textContent = file.name + ' was not attached: the server could not be reached. Try again.';
    } finally {
      button.disabled = false;
    }
  });

  node.replaceChildren(element('section', { class: 'ehc-case-file', 'aria-label': 'Case file' },
    listing, form, status));
  load();
}

export default {
  id: PLUGIN + '-tab',
  pluginPoint: 'tasklist.task.detail',
  label: 'Case file',
  priority: 900,
  render
};

/*
 * EHC Flow: the letter preview in Tasklist (plugin "ehc-letter-preview").
 *
 * A plain ES module, no build step and no libraries. Tasklist renders a "Letter preview" tab
 * beside each task's form, with render(node, {taskId, api}). For a task whose completion sends a
 * letter (ehc.letters.previews), the tab shows each letter as it would be written now, from the
 * case's values: the HTML letter in a sandboxed frame (no scripts), the plain-text alternative
 * beneath it. Values the case does not have yet (typed into the form) are named.
 *
 * Every value from the server goes into the page as text, or into the sandboxed frame's srcdoc,
 * where the server has already escaped the case's values.
 */

const PLUGIN = 'ehc-letter-preview';

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

async function message(response) {
  try {
    const body = await response.json();
    return body.message || response.statusText;
  } catch (e) {
    return response.statusText || 'The server did not answer.';
  }
}

function letter(preview) {
  const frame = element('iframe', {
    class: 'ehc-letter-preview-frame',
    sandbox: '',
    title: 'Letter: ' + preview.subject
  });
  frame.srcdoc = preview.html;
  return element('article', { class: 'ehc-letter-preview-letter', 'data-notice-type': preview.noticeType },
    element('h4', {}, preview.subject),
    element('p', { class: 'help-block' }, 'Letter "' + preview.noticeType + '"'
      + (preview.attachment ? '; with ' + preview.attachment + ' attached.' : '.')),
    preview.missing.length === 0 ? null : element('p', { class: 'ehc-letter-preview-missing' },
      'Not known yet, shown as [not yet known: …]: ' + preview.missing.join(', ')
      + '. The letter will carry the values this task records.'),
    frame,
    element('details', {},
      element('summary', {}, 'Plain-text version'),
      element('pre', { class: 'ehc-letter-preview-text' }, preview.text)));
}

function render(node, { taskId, api }) {
  const section = element('section', { class: 'ehc-letter-preview', 'aria-label': 'Letter preview' },
    element('p', { role: 'status' }, 'Writing the letter…'));
  node.replaceChildren(section);
  fetch(apiBase(api) + '/tasks/' + encodeURIComponent(taskId) + '/letters', {
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': api.CSRFToken },
    credentials: 'same-origin'
  }).then(async (response) => {
    if (!response.ok) {
      section.replaceChildren(element('p', { class: 'text-muted' }, await message(response)));
      return;
    }
    const previews = await response.json();
    section.replaceChildren(
      element('p', { class: 'help-block' }, previews.length > 1
        ? 'Completing this task sends one of these letters, depending on what you record.'
        : 'Completing this task sends this letter.'),
      ...previews.map(letter));
  }).catch(() => {
    section.replaceChildren(element('p', { class: 'text-danger' }, 'The server could not be reached. Try again.'));
  });
}

export default {
  id: PLUGIN + '-tab',
  pluginPoint: 'tasklist.task.detail',
  label: 'Letter preview',
  priority: 800,
  render
};

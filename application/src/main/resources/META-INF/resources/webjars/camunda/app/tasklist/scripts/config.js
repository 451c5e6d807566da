/*
 * EHC Flow: Tasklist's configuration (Camunda 7's documented config.js, read once when the app
 * starts). It replaces the copy in Camunda's webjar, so any entry of Camunda's own that we still
 * want must be repeated here.
 */

// --- Branding and accessibility (issue 25, item 4) ----------------------------------------------
// The council's name comes from ehc.council.name (/ehc/branding), so one build serves any council;
// if that answer fails the app still starts, under the product's name alone.
const branding = await fetch('/ehc/branding', { headers: { Accept: 'application/json' } })
  .then((response) => (response.ok ? response.json() : {}))
  .catch(() => ({}));

export default {
  // --- Branding and accessibility (issue 25, item 4) --------------------------------------------
  // The title and the header read "<vendor> <name>": "Example Council EHC Flow".
  app: {
    name: branding.product || 'EHC Flow',
    // Never empty: Camunda shows its own name for an empty vendor.
    vendor: branding.council || ' '
  },
  // Real labels on the login form, the Camunda logo replaced by the council's name, and "Create
  // task" only for those allowed to create tasks.
  customScripts: ['ehc/webapp'],
  // --- end of branding and accessibility ----------------------------------------------------------

  // Camunda's own keyboard shortcuts, kept as its config.js sets them.
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};

/*
 * EHC Flow: Cockpit's configuration (Camunda 7's documented config.js). It replaces the copy in
 * Camunda's webjar, which sets nothing but comments.
 */

// --- Branding and accessibility (issue 25, item 4) ----------------------------------------------
// The council's name comes from ehc.council.name (/ehc/branding); see the Tasklist's config.js.
const branding = await fetch('/ehc/branding', { headers: { Accept: 'application/json' } })
  .then((response) => (response.ok ? response.json() : {}))
  .catch(() => ({}));

export default {
  // --- Branding and accessibility (issue 25, item 4) --------------------------------------------
  app: {
    name: branding.product || 'EHC Flow',
    // Never empty: Camunda shows its own name for an empty vendor.
    vendor: branding.council || ' '
  },
  // The same script as Tasklist's (login labels, the council's name in place of the logo).
  customScripts: ['../tasklist/ehc/webapp']
  // --- end of branding and accessibility ----------------------------------------------------------
};

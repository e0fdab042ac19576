/**
 * Shared Cytoscape.js set-up for the graph view and the console: one style, colours per entity type,
 * the built-in `cose` force layout (no home-made layout).
 */
import cytoscape from '/assets/cytoscape.js';

/** Node colours per type, each with white text at ≥ 4.5:1 contrast. */
const COLOURS = {
  Person: '#1c5d99',
  Organization: '#8a3b12',
  Place: '#2f6b2f',
  Article: '#4a4a4a',
  Evidence: '#5c5c5c',
};

export function createGraph(container) {
  return cytoscape({
    container,
    wheelSensitivity: 0.3,
    minZoom: 0.1,
    maxZoom: 4,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'background-color': (n) => COLOURS[n.data('type')] ?? '#444',
          color: '#111',
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-background-color': '#fff',
          'text-background-opacity': 0.85,
          'text-background-padding': 2,
          width: 22,
          height: 22,
        },
      },
      {
        selector: 'node.center',
        style: { width: 34, height: 34, 'border-width': 3, 'border-color': '#000' },
      },
      { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#000' } },
      {
        selector: 'edge',
        style: {
          label: 'data(label)',
          'font-size': 9,
          color: '#333',
          'curve-style': 'bezier',
          'target-arrow-shape': 'triangle',
          'line-color': '#888',
          'target-arrow-color': '#888',
          width: 1.5,
          'text-rotation': 'autorotate',
          'text-background-color': '#fff',
          'text-background-opacity': 0.85,
        },
      },
    ],
  });
}

/** Add nodes `{id, label, type}` and edges `{id, source, target, label}` not yet drawn; returns how many. */
export function addElements(cy, nodes, edges) {
  let added = 0;
  cy.batch(() => {
    for (const n of nodes) {
      if (cy.getElementById(n.id).nonempty()) continue;
      cy.add({ group: 'nodes', data: n });
      added += 1;
    }
    for (const e of edges) {
      if (cy.getElementById(e.id).nonempty()) continue;
      if (cy.getElementById(e.source).empty() || cy.getElementById(e.target).empty()) continue;
      cy.add({ group: 'edges', data: e });
      added += 1;
    }
  });
  return added;
}

/** Lay the graph out again (force-directed, no animation: a few hundred nodes stay quick). */
export function relayout(cy) {
  cy.layout({ name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, randomize: false }).run();
  cy.fit(undefined, 30);
}

/** Read an API response: its JSON, or throw its `{error: {message}}`. */
export async function getJson(url, init) {
  const res = await fetch(url, init);
  const body = await res.json();
  if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return body;
}

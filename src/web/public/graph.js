/** The graph view: an entity's neighbourhood; click a node to expand it, double-click to open its page. */
import { addElements, createGraph, getJson, relayout } from '/assets/draw.js';

const box = document.getElementById('cy');
const status = document.getElementById('graph-status');
const list = document.getElementById('graph-nodes');
const cy = createGraph(box);
window.newsgraphGraph = cy; // for scripts and the browser tests
const expanded = new Set();

const entityHref = (key) => `/entity/${encodeURIComponent(key)}`;

function listNode(node) {
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = entityHref(node.key);
  link.textContent = node.name;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Expand';
  button.setAttribute('aria-label', `Expand ${node.name}`);
  button.addEventListener('click', () => expand(node.key));
  li.append(link, ` ${node.type} `, button);
  list.append(li);
}

async function expand(key) {
  if (expanded.has(key)) return;
  expanded.add(key);
  status.textContent = 'Loading…';
  try {
    const n = await getJson(`/api/entities/${encodeURIComponent(key)}/neighbours`);
    const known = new Set(cy.nodes().map((x) => x.id()));
    addElements(
      cy,
      n.nodes.map((x) => ({ id: x.key, label: x.name, type: x.type })),
      n.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, label: e.relation })),
    );
    for (const x of n.nodes) if (!known.has(x.key)) listNode(x);
    cy.getElementById(key).addClass(key === box.dataset.key ? 'center' : 'expanded');
    relayout(cy);
    status.textContent = `${cy.nodes().length} entities, ${cy.edges().length} facts${n.truncated ? ' (the best-supported shown)' : ''}.`;
  } catch (err) {
    expanded.delete(key);
    status.textContent = `Could not load the neighbours: ${err.message}`;
  }
}

cy.on('tap', 'node', (e) => expand(e.target.id()));
cy.on('dbltap', 'node', (e) => {
  window.location.href = entityHref(e.target.id());
});
expand(box.dataset.key);

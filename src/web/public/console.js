/**
 * The Cypher console: runs a text (or a saved query) through POST /api/query, shows the rows as a
 * table and, when they hold nodes and relationships, as a graph. Writes are refused by the server.
 */
import { addElements, createGraph, getJson, relayout } from '/assets/draw.js';

const PAGE_ROWS = 100;
const form = document.getElementById('console');
const cypher = document.getElementById('cypher');
const params = document.getElementById('params');
const status = document.getElementById('query-status');
const errorBox = document.getElementById('query-error');
const tableBox = document.getElementById('query-table');
const graphBox = document.getElementById('query-graph');
let saved = null; // { name, cypher } while the editor holds a saved query unchanged
let graph = null;

const isNode = (v) => v && typeof v === 'object' && Array.isArray(v._labels);
const isRel = (v) => v && typeof v === 'object' && typeof v._type === 'string';
const nodeId = (v) => String(v.key ?? v.id ?? JSON.stringify(v));

function show(value) {
  if (value === null || value === undefined) return '';
  if (isNode(value)) return `(:${value._labels.join(':')} ${value.name ?? value.title ?? value.id ?? ''})`;
  if (isRel(value)) return `[:${value._type}${value.role ? ` ${value.role}` : ''}]`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function renderTable(result) {
  const table = document.createElement('table');
  const caption = table.createCaption();
  caption.textContent = `Rows ${result.rows.offset + 1}–${result.rows.offset + result.rows.items.length}`;
  const head = table.createTHead().insertRow();
  for (const c of result.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of result.rows.items) {
    const tr = body.insertRow();
    for (const c of result.columns) tr.insertCell().textContent = show(row[c]);
  }
  tableBox.replaceChildren(table);
  if (result.rows.offset > 0) tableBox.append(pageButton('Previous rows', result.rows.offset - PAGE_ROWS));
  if (result.rows.next !== null) tableBox.append(pageButton('Next rows', result.rows.next));
}

function pageButton(text, offset) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', () => run(Math.max(0, offset)));
  return b;
}

/** Nodes, and relationships joined to the nearest node columns on each side of them in the row. */
function renderGraph(result) {
  const nodes = new Map();
  const edges = [];
  result.rows.items.forEach((row, r) => {
    const cells = result.columns.map((c) => row[c]);
    cells.forEach((v, i) => {
      if (isNode(v))
        nodes.set(nodeId(v), { id: nodeId(v), label: show(v.name ?? v.title ?? v.id), type: v._labels[0] });
      if (!isRel(v)) return;
      const before = cells.slice(0, i).reverse().find(isNode);
      const after = cells.slice(i + 1).find(isNode);
      if (before && after)
        edges.push({ id: `r${r}c${i}`, source: nodeId(before), target: nodeId(after), label: v._type });
    });
  });
  graphBox.hidden = nodes.size === 0;
  if (nodes.size === 0) return;
  graph?.destroy();
  graph = createGraph(graphBox);
  window.newsgraphConsoleGraph = graph;
  addElements(graph, [...nodes.values()], edges);
  relayout(graph);
}

async function run(offset = 0) {
  errorBox.textContent = '';
  let given;
  try {
    given = JSON.parse(params.value.trim() || '{}');
  } catch {
    errorBox.textContent = 'Parameters must be a JSON object, e.g. {"name": "Rodos"}';
    return;
  }
  const request =
    saved && cypher.value === saved.cypher
      ? { saved: saved.name, params: given }
      : { cypher: cypher.value, params: given };
  status.textContent = 'Running…';
  try {
    const result = await getJson(`/api/query?offset=${offset}&limit=${PAGE_ROWS}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    status.textContent = `${result.rows.items.length} row${result.rows.items.length === 1 ? '' : 's'}${result.rows.next !== null ? ' (more on the next page)' : ''}.`;
    renderTable(result);
    renderGraph(result);
  } catch (err) {
    status.textContent = 'Refused.';
    errorBox.textContent = err.message;
    tableBox.replaceChildren();
    graphBox.hidden = true;
  }
}

for (const button of document.querySelectorAll('button.saved-query')) {
  button.addEventListener('click', () => {
    saved = { name: button.dataset.name, cypher: button.dataset.cypher };
    cypher.value = saved.cypher;
    params.value = button.dataset.params;
    const required = button.dataset.required ? button.dataset.required.split(',') : [];
    if (required.length === 0) run();
    else {
      status.textContent = `Fill in ${required.join(', ')} in the parameters of ${saved.name}, then Run.`;
      params.focus();
    }
  });
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  run();
});

// The buttons are served disabled: a click before this script runs would do nothing.
for (const button of document.querySelectorAll('button.saved-query, form.console button[type=submit]'))
  button.disabled = false;

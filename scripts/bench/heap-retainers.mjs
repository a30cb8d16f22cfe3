// What holds a V8 heap snapshot's memory: `node heap-retainers.mjs FILE [COUNT]` prints the heap's size and the
// COUNT objects that retain the most of it (their retained size, through the dominator tree, as DevTools counts
// it: weak edges do not retain), each with the path of edges from a GC root that reaches it first. P6 runs it
// on the snapshot it takes of the serving process (BENCH_HEAP_SNAPSHOT=1), in a process of its own: parsing a
// snapshot takes a few times its size.
import { readFileSync } from "node:fs";

export function analyzeHeap(snapshot, count = 3) {
  const { meta } = snapshot.snapshot;
  const nodeFields = meta.node_fields.length;
  const edgeFields = meta.edge_fields.length;
  const [nodeTypes] = meta.node_types;
  const [edgeTypes] = meta.edge_types;
  const at = (field) => meta.node_fields.indexOf(field);
  const [TYPE, NAME, SELF, EDGES] = ["type", "name", "self_size", "edge_count"].map(at);
  const [E_TYPE, E_NAME, E_TO] = ["type", "name_or_index", "to_node"].map((f) => meta.edge_fields.indexOf(f));
  const { nodes, edges, strings } = snapshot;
  const n = nodes.length / nodeFields;
  const weak = edgeTypes.indexOf("weak");
  const shortcut = edgeTypes.indexOf("shortcut");

  // Edges out of each node, as offsets into `edges`.
  const firstEdge = new Uint32Array(n + 1);
  for (let i = 0, offset = 0; i < n; i++) {
    firstEdge[i] = offset;
    offset += nodes[i * nodeFields + EDGES] * edgeFields;
    firstEdge[i + 1] = offset;
  }
  const retains = (e) => edges[e + E_TYPE] !== weak && edges[e + E_TYPE] !== shortcut;

  // Depth-first post-order from the root (node 0).
  const order = new Int32Array(n).fill(-1);
  const postorder = new Uint32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const parentEdge = new Int32Array(n).fill(-1);
  let visited = 0;
  {
    const stack = new Uint32Array(n);
    const cursor = new Uint32Array(n);
    const seen = new Uint8Array(n);
    let top = 0;
    stack[top++] = 0;
    seen[0] = 1;
    cursor[0] = firstEdge[0];
    while (top > 0) {
      const node = stack[top - 1];
      if (cursor[node] < firstEdge[node + 1]) {
        const e = cursor[node];
        cursor[node] += edgeFields;
        if (!retains(e)) continue;
        const to = edges[e + E_TO] / nodeFields;
        if (seen[to]) continue;
        seen[to] = 1;
        cursor[to] = firstEdge[to];
        stack[top++] = to;
      } else {
        top--;
        order[node] = visited;
        postorder[visited++] = node;
      }
    }
  }

  // The shortest way to each node from the root, breadth first: the path a reader can follow.
  {
    const queue = new Uint32Array(n);
    let head = 0;
    let tail = 0;
    queue[tail++] = 0;
    parent[0] = 0;
    while (head < tail) {
      const node = queue[head++];
      for (let e = firstEdge[node]; e < firstEdge[node + 1]; e += edgeFields) {
        const to = edges[e + E_TO] / nodeFields;
        if (!retains(e) || parent[to] >= 0) continue;
        parent[to] = node;
        parentEdge[to] = e;
        queue[tail++] = to;
      }
    }
  }

  // Who points at each reachable node (retaining edges only).
  const predCount = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    if (order[i] < 0) continue;
    for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += edgeFields)
      if (retains(e)) predCount[edges[e + E_TO] / nodeFields + 1]++;
  }
  for (let i = 0; i < n; i++) predCount[i + 1] += predCount[i];
  const preds = new Uint32Array(predCount[n]);
  const fill = predCount.slice(0, n);
  for (let i = 0; i < n; i++) {
    if (order[i] < 0) continue;
    for (let e = firstEdge[i]; e < firstEdge[i + 1]; e += edgeFields)
      if (retains(e)) preds[fill[edges[e + E_TO] / nodeFields]++] = i;
  }

  // Immediate dominators: Cooper, Harvey and Kennedy's iteration over reverse post-order.
  const idom = new Int32Array(n).fill(-1);
  idom[0] = 0;
  const intersect = (a, b) => {
    while (a !== b) {
      while (order[a] < order[b]) a = idom[a];
      while (order[b] < order[a]) b = idom[b];
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let k = visited - 2; k >= 0; k--) {
      const node = postorder[k];
      let next = -1;
      for (let p = predCount[node]; p < predCount[node + 1]; p++) {
        const pred = preds[p];
        if (idom[pred] < 0) continue;
        next = next < 0 ? pred : intersect(pred, next);
      }
      if (next >= 0 && idom[node] !== next) {
        idom[node] = next;
        changed = true;
      }
    }
  }

  // Retained sizes: each node's own, added up the dominator tree (children come before parents in post-order).
  const retained = new Float64Array(n);
  for (let k = 0; k < visited; k++) {
    const node = postorder[k];
    retained[node] += nodes[node * nodeFields + SELF];
    if (node !== 0) retained[idom[node]] += retained[node];
  }

  const typeOf = (node) => nodeTypes[nodes[node * nodeFields + TYPE]];
  const nameOf = (node) => {
    const name = strings[nodes[node * nodeFields + NAME]];
    return name.length > 60 ? `${name.slice(0, 57)}…` : name;
  };
  const edgeName = (e) => {
    const type = edgeTypes[edges[e + E_TYPE]];
    const value = edges[e + E_NAME];
    return type === "element" || type === "hidden" ? `[${value}]` : strings[value];
  };
  const describe = (node) =>
    typeOf(node) === "object" || typeOf(node) === "closure"
      ? `${nameOf(node)} (${typeOf(node)})`
      : `${typeOf(node)} ${nameOf(node)}`;
  const pathOf = (node) => {
    const steps = [];
    for (let at = node; parent[at] > 0 && steps.length < 12; at = parent[at])
      steps.unshift(`${edgeName(parentEdge[at])}`);
    return steps.join(" → ");
  };

  // The largest holders, from the root down. A hub (the global object, a module's scope) that holds a large share
  // through several large things is not an answer: the things it holds are. A node whose one dominated child holds
  // most of what it retains is named with that child (a Map and its table, a closure and its context).
  const children = new Map();
  for (let k = 0; k < visited; k++) {
    const node = postorder[k];
    if (node === 0) continue;
    const dom = idom[node];
    if (!children.has(dom)) children.set(dom, []);
    children.get(dom).push(node);
  }
  const kidsOf = (node) => (children.get(node) ?? []).sort((a, b) => retained[b] - retained[a]);
  const heap = retained[0];
  const isHub = (node) => {
    const kids = kidsOf(node);
    if (typeOf(node) === "synthetic") return true;
    if (retained[node] < 0.25 * heap || kids.length < 2 || retained[kids[0]] >= 0.8 * retained[node])
      return false;
    return kids.filter((kid) => retained[kid] >= 0.1 * retained[node]).length >= 2;
  };
  const frontier = [...kidsOf(0)];
  const holders = [];
  while (holders.length < count && frontier.length > 0) {
    frontier.sort((a, b) => retained[b] - retained[a]);
    const node = frontier.shift();
    if (isHub(node)) {
      frontier.push(...kidsOf(node));
      continue;
    }
    let held = node;
    for (
      let kids = kidsOf(held);
      kids.length > 0 && retained[kids[0]] >= 0.8 * retained[held];
      kids = kidsOf(held)
    )
      held = kids[0];
    holders.push({
      retainedMb: retained[node] / 1e6,
      holder: describe(node),
      path: pathOf(node),
      mostly: held === node ? null : { what: describe(held), retainedMb: retained[held] / 1e6 },
    });
  }
  return { heapMb: retained[0] / 1e6, nodes: n, reachable: visited, holders };
}

if (process.argv[1] && import.meta.url === new URL(process.argv[1], "file://").href) {
  const [file, count = "3"] = process.argv.slice(2);
  console.log(JSON.stringify(analyzeHeap(JSON.parse(readFileSync(file, "utf8")), Number(count)), null, 2));
}

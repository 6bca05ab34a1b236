// Compares two versions of a definition side by side: each in a read-only viewer, with bpmn-js-differ's added,
// removed, changed and moved elements marked (removed ones on the old side, added ones on the new side).
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { diff } from 'bpmn-js-differ';

// The viewers of a comparison, by its left container (the page destroys them with that element).
const shown = new WeakMap();

async function viewer(container, xml) {
  const v = new NavigatedViewer({ container, moddleExtensions: { zeebe: zeebeModdle } });
  await v.importXML(xml);
  v.get('canvas').zoom('fit-viewport', 'auto');
  return v;
}

function mark(v, id, kind, label) {
  const element = v.get('elementRegistry').get(id);
  if (!element || element.type === 'bpmn:Process') {
    return false;
  }
  v.get('canvas').addMarker(element, `ctms-${kind}`);
  if (label) {
    v.get('overlays').add(element, 'ctms-diff', {
      position: { top: -18, left: 0 },
      html: `<div class="ctms-diff-overlay ${kind}" data-testid="diff-${kind}">${label}</div>`,
    });
  }
  return true;
}

function describe(entry) {
  const model = entry.model ?? entry;
  return { id: model.id, type: (model.$type ?? '').replace('bpmn:', ''), name: model.name ?? null };
}

/**
 * Shows `oldXml` in `left` and `newXml` in `right` and marks the differences. Returns the lists: added, removed,
 * changed (with the changed attributes) and layoutChanged.
 */
export async function compare(left, right, oldXml, newXml) {
  destroyComparison(left);
  const [a, b] = [await viewer(left, oldXml), await viewer(right, newXml)];
  shown.set(left, [a, b]);
  const changes = diff(a.getDefinitions(), b.getDefinitions());
  const added = Object.values(changes._added).map(describe);
  const removed = Object.values(changes._removed).map(describe);
  const changed = Object.entries(changes._changed).map(([id, c]) => ({ ...describe(c), id, attributes: Object.keys(c.attrs ?? {}) }));
  const layoutChanged = Object.values(changes._layoutChanged).map(describe);
  added.forEach((e) => mark(b, e.id, 'added', '+'));
  removed.forEach((e) => mark(a, e.id, 'removed', '−'));
  changed.forEach((e) => { mark(a, e.id, 'changed', '~'); mark(b, e.id, 'changed', '~'); });
  layoutChanged.forEach((e) => { mark(a, e.id, 'layout'); mark(b, e.id, 'layout'); });
  // Pan and zoom together, so the same part of both versions stays in view.
  let syncing = false;
  const follow = (from, to) => from.on('canvas.viewbox.changed', ({ viewbox }) => {
    if (syncing) return;
    syncing = true;
    to.get('canvas').viewbox(viewbox);
    syncing = false;
  });
  follow(a, b);
  follow(b, a);
  return { added, removed, changed, layoutChanged };
}

export function destroyComparison(left) {
  shown.get(left)?.forEach((v) => v.destroy());
  shown.delete(left);
}

// The instance viewer: a read-only bpmn-js diagram on which the studio marks the path taken, active tokens and incidents.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './studio-bpmn.css';

import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

const MARKERS = ['ctms-completed', 'ctms-taken', 'ctms-active', 'ctms-incident'];
const OVERLAY = 'ctms-instance';

/** Shows `xml` in `canvas`, read-only (pan and zoom). */
export async function open(canvas, xml) {
  const viewer = new NavigatedViewer({ container: canvas });
  await viewer.importXML(xml);
  viewer.get('canvas').zoom('fit-viewport');
  return viewer;
}

/**
 * Marks an instance's state on the diagram, replacing earlier marks: `completed` element ids and `taken` flow ids (green),
 * `tokens` ({elementId: count}: blue, with a badge counting the active tokens) and `incidents` ([{elementId, message}]:
 * red, with a badge whose title is the message). Elements in subprocesses are marked alike, on whichever plane they are
 * drawn; an id the diagram does not draw is skipped.
 */
export function mark(viewer, marks) {
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const overlays = viewer.get('overlays');
  overlays.remove({ type: OVERLAY });
  registry.forEach((element) => MARKERS.forEach((m) => canvas.removeMarker(element, m)));

  const drawn = (id) => registry.get(id);
  for (const id of marks.completed ?? []) {
    if (drawn(id)) canvas.addMarker(id, 'ctms-completed');
  }
  for (const id of marks.taken ?? []) {
    if (drawn(id)) canvas.addMarker(id, 'ctms-taken');
  }
  for (const [id, count] of Object.entries(marks.tokens ?? {})) {
    if (!drawn(id)) continue;
    canvas.addMarker(id, 'ctms-active');
    overlays.add(id, OVERLAY, {
      position: { bottom: 12, left: -10 },
      html: badge('ctms-token-count token-count', id, String(count), `${count} active`),
    });
  }
  const byElement = new Map();
  for (const incident of marks.incidents ?? []) {
    byElement.set(incident.elementId, [...(byElement.get(incident.elementId) ?? []), incident.message]);
  }
  for (const [id, messages] of byElement) {
    if (!drawn(id)) continue;
    canvas.addMarker(id, 'ctms-incident');
    overlays.add(id, OVERLAY, {
      position: { top: -12, right: 10 },
      html: badge('ctms-incident-badge incident-badge', id, '!', messages.join('\n')),
    });
  }
}

function badge(className, elementId, text, title) {
  const element = document.createElement('div');
  element.className = className;
  element.dataset.elementId = elementId;
  element.title = title;
  element.textContent = text;
  return element;
}

export function destroy(viewer) {
  viewer?.destroy();
}

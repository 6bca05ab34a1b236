// The instance viewer: a read-only bpmn-js diagram on which the studio marks the path taken, active tokens and incidents.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './studio-bpmn.css';

import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

/** Shows `xml` in `canvas`, read-only (pan and zoom). */
export async function open(canvas, xml) {
  const viewer = new NavigatedViewer({ container: canvas });
  await viewer.importXML(xml);
  viewer.get('canvas').zoom('fit-viewport');
  return viewer;
}

export function destroy(viewer) {
  viewer?.destroy();
}

// The process designer: the bpmn-js modeler with the Zeebe properties panel (the extension attributes the engine reads).
// Blazor calls the exported functions through JS interop; each modeler lives in a container element it is given.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import './studio-bpmn.css';

import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';

/** Opens a modeler in `canvas` with its properties panel in `panel`, showing `xml`. */
export async function open(canvas, panel, xml) {
  const modeler = new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: panel },
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule, ZeebeBehaviorsModule],
    moddleExtensions: { zeebe: zeebeModdle },
  });
  await modeler.importXML(xml);
  modeler.get('canvas').zoom('fit-viewport');
  return modeler;
}

/** The diagram as the XML the engine deploys. */
export async function xml(modeler) {
  const { xml } = await modeler.saveXML({ format: true });
  return xml;
}

export function destroy(modeler) {
  modeler?.destroy();
}

// The process designer: the bpmn-js modeler with the Zeebe properties panel (the extension attributes the engine reads).
// Blazor calls the exported functions through JS interop; each modeler lives in a container element it is given.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import './studio-bpmn.css';
import './designer/designer.css';

import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';

import { showProblems, showTrace, clearMarks } from './designer/marks.js';
import { compare, destroyComparison } from './designer/compare.js';
import { translationModules } from './designer/translate.js';

export { showProblems, showTrace, clearMarks, compare, destroyComparison };

// The task kinds whose zeebe:taskDefinition type names a registered activity.
const JOB_TASKS = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'];

/**
 * Opens a modeler in `canvas` with its properties panel in `panel`, showing `xml`. `dotnet` (optional) is told of
 * changes (`OnDiagramChanged(dirty)`) and of the selection (`OnSelectionChanged(id, type, isJobTask, taskType)`).
 * `locale` (the studio's culture, e.g. "zh-Hans") translates the palette, menus and properties panel.
 */
export async function open(canvas, panel, xml, dotnet, locale) {
  const modeler = new BpmnModeler({
    container: canvas,
    propertiesPanel: { parent: panel },
    additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule, ZeebeBehaviorsModule,
      ...translationModules(locale)],
    moddleExtensions: { zeebe: zeebeModdle },
  });
  modeler.__dotnet = dotnet;
  await modeler.importXML(xml);
  fitBesidePalette(modeler.get('canvas'));
  modeler.__saved = modeler.get('commandStack')._stackIdx;

  modeler.on('commandStack.changed', () => {
    dotnet?.invokeMethodAsync('OnDiagramChanged', isDirty(modeler));
  });
  modeler.on('selection.changed', ({ newSelection }) => notifySelection(modeler, newSelection));
  // A changed task type (from the panel or from the side list) is reflected in the side list.
  modeler.on('elements.changed', () => notifySelection(modeler, modeler.get('selection').get()));
  return modeler;
}

function notifySelection(modeler, selection) {
  const element = selection?.length === 1 ? selection[0] : null;
  const bo = element?.businessObject;
  const isJobTask = !!bo && JOB_TASKS.includes(bo.$type);
  modeler.__dotnet?.invokeMethodAsync('OnSelectionChanged', element?.id ?? null, bo?.$type ?? null, isJobTask,
    isJobTask ? taskDefinition(bo)?.get('type') ?? null : null);
}

function taskDefinition(bo) {
  return (bo.get('extensionElements')?.get('values') ?? []).find((e) => e.$instanceOf('zeebe:TaskDefinition'));
}

/** Replaces the diagram (an imported file); the change can be undone like any other edit. */
export async function importXml(modeler, xml) {
  clearMarks(modeler);
  await modeler.importXML(xml);
  fitBesidePalette(modeler.get('canvas'));
  // An import resets the command stack: the imported diagram is unsaved until deployed.
  modeler.__saved = -2;
  modeler.__dotnet?.invokeMethodAsync('OnDiagramChanged', true);
}

/** The diagram as the XML the engine deploys. */
export async function xml(modeler) {
  const { xml } = await modeler.saveXML({ format: true });
  return xml;
}

/** The current state becomes the saved one (after a deploy). */
export function markSaved(modeler) {
  modeler.__saved = modeler.get('commandStack')._stackIdx;
  modeler.__dotnet?.invokeMethodAsync('OnDiagramChanged', false);
}

function isDirty(modeler) {
  return modeler.get('commandStack')._stackIdx !== modeler.__saved;
}

/**
 * Sets the zeebe:taskDefinition type of a service, send or business-rule task through the modeling API (one undoable
 * command), creating the extension elements it needs. False when the element is not such a task.
 */
export function setTaskType(modeler, elementId, type) {
  const element = modeler.get('elementRegistry').get(elementId);
  const bo = element?.businessObject;
  if (!bo || !JOB_TASKS.includes(bo.$type)) {
    return false;
  }
  const modeling = modeler.get('modeling');
  const factory = modeler.get('bpmnFactory');
  let extensionElements = bo.get('extensionElements');
  if (!extensionElements) {
    extensionElements = factory.create('bpmn:ExtensionElements', { values: [] });
    extensionElements.$parent = bo;
    modeling.updateProperties(element, { extensionElements });
  }
  const existing = taskDefinition(bo);
  if (existing) {
    modeling.updateModdleProperties(element, existing, { type });
  } else {
    const definition = factory.create('zeebe:TaskDefinition', { type });
    definition.$parent = extensionElements;
    modeling.updateModdleProperties(element, extensionElements, { values: [...extensionElements.get('values'), definition] });
  }
  return true;
}

/** Fits the diagram into the viewport, after the container changed its size (a side panel opened or closed). */
export function fit(modeler) {
  const canvas = modeler.get('canvas');
  canvas.resized();
  fitBesidePalette(canvas);
}

// Like zoom('fit-viewport', 'auto'), but in the part of the canvas the palette (drawn over its left edge) leaves
// free, and never above 100 %: a narrow canvas otherwise hides the first elements under the palette.
const PALETTE = 90;
const MARGIN = 24;

function fitBesidePalette(canvas) {
  const { inner, outer } = canvas.viewbox();
  if (!inner.width || !inner.height) {
    canvas.zoom('fit-viewport', 'auto');
    return;
  }
  const free = { width: Math.max(outer.width - PALETTE - 2 * MARGIN, 100), height: Math.max(outer.height - 2 * MARGIN, 100) };
  const scale = Math.min(1, free.width / inner.width, free.height / inner.height);
  const left = PALETTE + MARGIN + (free.width - inner.width * scale) / 2;
  const top = MARGIN + (free.height - inner.height * scale) / 2;
  canvas.viewbox({ x: inner.x - left / scale, y: inner.y - top / scale, width: outer.width / scale, height: outer.height / scale });
}

/** Lets the browser save `text` as `fileName`. */
export function download(fileName, text, mimeType) {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType ?? 'application/xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads the file chosen in an <input type=file> as text (an import). */
export function readFile(input) {
  const file = input?.files?.[0];
  if (!file) {
    return Promise.resolve(null);
  }
  return file.text().finally(() => { input.value = ''; });
}

export function destroy(modeler) {
  modeler?.destroy();
}

// Marks the designer puts on a diagram: validation problems and a simulation's trace. Every mark is a marker class on
// the element (so it also shows in a screenshot) and an overlay; clearMarks removes both.

const MARKERS = ['ctms-problem', 'ctms-completed', 'ctms-active', 'ctms-incident'];
const OVERLAY_TYPES = ['ctms-problem', 'ctms-step', 'ctms-incident'];

function escape(text) {
  const div = document.createElement('div');
  div.textContent = text ?? '';
  return div.innerHTML;
}

export function clearMarks(modeler) {
  const canvas = modeler.get('canvas');
  const overlays = modeler.get('overlays');
  OVERLAY_TYPES.forEach((type) => overlays.remove({ type }));
  modeler.get('elementRegistry').getAll().forEach((element) => MARKERS.forEach((m) => canvas.removeMarker(element, m)));
}

/**
 * Marks each problem on its element (red outline and a numbered badge whose tooltip is the message). Returns the ids
 * of the problems' elements that are not on the diagram (a problem of the whole file, or of an element without shape).
 */
export function showProblems(modeler, problems) {
  clearMarks(modeler);
  const registry = modeler.get('elementRegistry');
  const canvas = modeler.get('canvas');
  const overlays = modeler.get('overlays');
  const byElement = new Map();
  const missing = [];
  (problems ?? []).forEach((problem, index) => {
    const element = problem.elementId ? registry.get(problem.elementId) : null;
    if (!element || element.type === 'bpmn:Process' || element.type === 'label') {
      missing.push(problem.elementId ?? null);
      return;
    }
    const list = byElement.get(element) ?? [];
    list.push({ ...problem, number: index + 1 });
    byElement.set(element, list);
  });
  byElement.forEach((list, element) => {
    canvas.addMarker(element, 'ctms-problem');
    const text = list.map((p) => `${p.number}. ${escape(p.message)}`).join('<br>');
    overlays.add(element, 'ctms-problem', {
      position: element.waypoints ? { top: -10, left: -10 } : { top: -10, right: 10 },
      html: `<div class="ctms-problem-overlay" data-testid="problem-overlay" data-element-id="${escape(element.id)}">`
        + `${list.map((p) => p.number).join(',')}<div class="ctms-problem-text">${text}</div></div>`,
    });
  });
  return missing;
}

/**
 * Draws a simulation's outcome: the completed elements in green, numbered in the order they completed, the active
 * ones in blue, and incidents in red with their message.
 */
export function showTrace(modeler, result) {
  clearMarks(modeler);
  const registry = modeler.get('elementRegistry');
  const canvas = modeler.get('canvas');
  const overlays = modeler.get('overlays');
  const numbers = new Map();
  let step = 0;
  (result?.trace ?? []).forEach((entry) => {
    if (entry.event !== 'completed' || !registry.get(entry.activity)) {
      return;
    }
    step += 1;
    const list = numbers.get(entry.activity) ?? [];
    list.push(step);
    numbers.set(entry.activity, list);
  });
  numbers.forEach((steps, id) => {
    const element = registry.get(id);
    canvas.addMarker(element, 'ctms-completed');
    if (element.type === 'bpmn:Process') {
      return;
    }
    overlays.add(element, 'ctms-step', {
      position: { bottom: 8, left: -8 },
      html: `<div class="ctms-step-overlay" data-testid="trace-step">${steps.join(',')}</div>`,
    });
    // The flows taken between completed elements.
    (element.outgoing ?? []).filter((flow) => numbers.has(flow.target?.id)).forEach((flow) => canvas.addMarker(flow, 'ctms-completed'));
  });
  (result?.active ?? []).forEach((id) => {
    if (registry.get(id)) {
      canvas.addMarker(id, 'ctms-active');
    }
  });
  (result?.incidents ?? []).forEach((incident) => {
    if (!registry.get(incident.elementId)) {
      return;
    }
    canvas.addMarker(incident.elementId, 'ctms-incident');
    overlays.add(incident.elementId, 'ctms-incident', {
      position: { top: -28, left: 0 },
      html: `<div class="ctms-incident-overlay" data-testid="trace-incident">${escape(incident.message)}</div>`,
    });
  });
}

// The form designer: the form-js editor for task forms.
import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js/dist/assets/properties-panel.css';

import { FormEditor } from '@bpmn-io/form-js';

/** Opens the editor in `container` on the form-js JSON `schema` (a string). */
export async function open(container, schema) {
  const editor = new FormEditor({ container });
  await editor.importSchema(JSON.parse(schema));
  return editor;
}

/** The form as JSON text. */
export function schema(editor) {
  return JSON.stringify(editor.saveSchema(), null, 2);
}

export function destroy(editor) {
  editor?.destroy();
}

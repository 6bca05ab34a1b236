// The form designer: the form-js editor for task forms, and a preview (the form-js viewer) with test data.
import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js/dist/assets/properties-panel.css';

import { Form, FormEditor } from '@bpmn-io/form-js';

/** Opens the editor in `container` on the form-js JSON `schema` (a string). */
export async function open(container, schema) {
  const editor = new FormEditor({ container });
  await editor.importSchema(JSON.parse(schema));
  return editor;
}

/** Replaces the editor's form with `schema` (JSON text): another version picked. */
export async function load(editor, schema) {
  await editor.importSchema(JSON.parse(schema));
}

/** The form as JSON text. */
export function schema(editor) {
  return JSON.stringify(editor.saveSchema(), null, 2);
}

/**
 * Renders the preview of `schema` (JSON text) in `container` with the test data `data` (JSON text), replacing the
 * previous preview. Returns the new viewer; an error (bad JSON) is thrown to the caller, which shows it.
 */
export async function preview(container, previous, schema, data) {
  previous?.destroy();
  container.replaceChildren();
  const form = new Form({ container });
  await form.importSchema(JSON.parse(schema), JSON.parse(data || '{}'));
  return form;
}

/** What the preview would submit, as JSON text: `{ data, errors }`, for the author to see what the process would get. */
export function previewSubmit(form) {
  const { data, errors } = form.submit();
  return JSON.stringify({ data, errors }, null, 2);
}

/** Offers `text` as a file download named `name`. */
export function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

export function destroy(editor) {
  editor?.destroy();
}

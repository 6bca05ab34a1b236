// Firely has a FHIR resource named Task; in tests, Task is always the awaitable one.
global using Task = System.Threading.Tasks.Task;

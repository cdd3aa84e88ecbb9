// What `<nassij-training-finder>` loads at the first interaction that needs it, not with the page: the
// registration dialog and its controller (the form's checks, the writes, focus), and the "my registrations"
// view (its cancel buttons open the dialog) with the personal calendar. Imported through `lazy()` by the element.

export { MyTraining, renderMyTraining } from './my-training.js';
export { PersonalCalendar } from './personal-calendar.js';
export { RegistrationController } from './registration-controller.js';
export { renderDialog } from './views/dialogs.js';
export { renderMyRegistrations } from './views/my-registrations.js';
export { renderPersonalCalendar } from './views/personal-calendar.js';

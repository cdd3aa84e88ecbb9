// The views of an association's space and their writes, imported with the space's first request (in
// parallel with it): the element's first download is its shell alone.
export { renderActivity } from './activity.js';
export { renderDocuments } from './documents.js';
export { renderMembers } from './members.js';
export { renderProfile } from './profile.js';

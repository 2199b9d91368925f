export { isVisitorId, newVisitorId, visitorCookie, visitorSetCookie } from '../../scripts/visitor-id.mjs';

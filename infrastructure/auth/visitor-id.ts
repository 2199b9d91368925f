export { isVisitorId, newVisitorId, overHttps, visitorCookie, visitorToGive } from '../../scripts/visitor-id.mjs';

'use strict';
// Stands in for @xmldom/xmldom's lib/entities.js in the bundle (scripts/bundle.mjs): parsing XML needs
// only the five predefined entities, while building the frozen table of HTML's 2,231 named entities
// was ~15–40 ms of every cold start. HTML parsing, which briefdeck never asks for, still gets the table.
exports.XML_ENTITIES = Object.freeze({ amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' });
Object.defineProperty(exports, 'HTML_ENTITIES', { enumerable: true, get: () => require('@xmldom/xmldom/lib/entities.js').HTML_ENTITIES });
Object.defineProperty(exports, 'entityMap', { enumerable: true, get: () => require('@xmldom/xmldom/lib/entities.js').entityMap });

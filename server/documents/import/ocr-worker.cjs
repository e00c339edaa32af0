/**
 * The OCR worker thread: tesseract.js's own Node worker script, started with the network switched off.
 * tesseract.js falls back to a CDN for its language data and engine when a path is missing; in an
 * offline office that hangs or kills the import, and it must never happen silently. Every way out
 * (fetch, http, https, net, tls) throws here, so a missing local file fails loudly instead.
 */
'use strict';

const http = require('node:http');
const https = require('node:https');
const net = require('node:net');
const tls = require('node:tls');

const refuse = () => {
  throw new Error('OCR worker: network access is disabled (language data must be local).');
};
globalThis.fetch = refuse;
for (const module of [http, https]) {
  module.request = refuse;
  module.get = refuse;
}
net.connect = refuse;
net.createConnection = refuse;
tls.connect = refuse;

require(require.resolve('tesseract.js/src/worker-script/node/index.js'));

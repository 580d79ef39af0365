'use strict';
// The compiled addon, loaded once for index.js and the tests: $REPLYLINT_NODE_ADDON (the one
// CMake builds), else the one `npm install` built here (node-gyp: build/Release/replylint.node).
const path = require('path');

module.exports = require(process.env.REPLYLINT_NODE_ADDON || path.join(__dirname, 'build', 'Release', 'replylint.node'));

#!/usr/bin/env node
'use strict';
require('../dist/painfit.cjs');

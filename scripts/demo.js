#!/usr/bin/env node
// `npm run demo`: the same app on its own database (var/demo.db) seeded with the bundled real data
// plus the illustrative series of data/demo/, for training and screenshots. Every page then carries
// a banner saying the numbers are invented, and every API value says whether it is illustrative.
process.env.DEMO = '1';
process.env.PORT ||= '3001';
await import('./start.js');

/**
 * Where the test suite and the benchmarks build the app (scripts/start.js reads BUILD_DIR): beside
 * build/, never over it, so `npm test` or `npm run bench` leaves an instance served from build/
 * running.
 */
export const TEST_BUILD_DIR = 'tests/.tmp/build';

import { describeAuthorizationMatrix } from './authorization-matrix.js';

// At the real time; the time-travel suite (seed/fixtures.test.ts) runs the same matrix at other instants.
describeAuthorizationMatrix();

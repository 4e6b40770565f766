// CI runs the property tests on one recorded seed (FC_SEED overrides it), so that whether a change
// lands does not depend on chance; locally every run draws a new seed, and fast-check prints it with
// any counterexample, so new bugs keep being found and can be replayed.
import fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261201) });

import { loadNerModel, packagedModelPath } from '../../../src/core/nlp/ner/recogniser';

// Loaded before any test file (mochaRun.mjs and .mocharc.json require this module), as the indexing
// workers load it before their first analysis.
loadNerModel(packagedModelPath(__dirname));

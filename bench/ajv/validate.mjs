// ajv 8 on the benchmark corpus: the same measuring loop as bench/shared/BenchRunner.cs (cold start = load
// the schemas and judge the first document; the 200 documents twice; the big workstream twice; with --steady,
// the best of twenty more of each), one JSON line out.
// usage: node validate.mjs MANIFEST.tsv [--steady]
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const unixNowNs = () => (performance.timeOrigin + performance.now()) * 1e6;
const mainNs = unixNowNs();
const t0 = performance.now();
const lines = readFileSync(process.argv[2], 'utf8').trimEnd().split('\n').map((l) => l.split('\t'));
const toDoc = (l) => ({ path: l[3], schema: l[2], expectValid: l[1] === 'valid' });
const docs = lines.filter((l) => l[0] === 'doc').map(toDoc);
const big = toDoc(lines.find((l) => l[0] === 'big'));

// Loading ajv is part of its cold start, as loading JsonSchema.Net is part of Uet's: import it here, not above.
async function setup(schemaDirectory) {
  const { default: Ajv } = await import('ajv');
  const { default: addFormats } = await import('ajv-formats');
  // allErrors: Uet and NJsonSchema report every problem of a document, so ajv must look for all of them too.
  const ajv = new Ajv({ allErrors: true });
  ajv.addVocabulary(['doc_id']); // every UET schema names itself with doc_id, a keyword ajv's strict mode would reject
  addFormats(ajv, ['date-time']);
  ajv.addFormat('ulid', (s) => s.length !== 26 || /^[0-7]/.test(s)); // Uet's rule: the time part fits in 48 bits
  for (const file of readdirSync(schemaDirectory).filter((f) => f.endsWith('.v1.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(join(schemaDirectory, file), 'utf8')));
  }
  const compiled = new Map(); // ajv compiles a schema on first use; keep the function
  return (doc) => {
    let validate = compiled.get(doc.schema);
    if (!validate) compiled.set(doc.schema, (validate = ajv.getSchema(`https://uet.invalid/schemas/v1/${doc.schema}.v1.json`)));
    return validate(JSON.parse(readFileSync(doc.path, 'utf8')));
  };
}

const validate = await setup(lines.find((l) => l[0] === 'schemas')[1]);
const schemasMs = performance.now() - t0;
const failures = [];
const judge = (doc) => {
  try {
    return validate(doc);
  } catch (e) {
    failures.push(`${basename(doc.path)}: ${e.name}: ${e.message}`);
    return false;
  }
};
judge(docs[0]);
const coldMs = performance.now() - t0;
const firstNs = unixNowNs();

const timed = (action) => {
  const start = performance.now();
  const result = action();
  return [result, performance.now() - start];
};
const [firstPass, corpusMs] = timed(() => docs.map(judge));
const [warmPass, corpusWarmMs] = timed(() => docs.map(judge));
const [bigValid, bigMs] = timed(() => judge(big));
const [, bigWarmMs] = timed(() => judge(big));
// With --steady: the steady state of a long-lived process, the best of twenty more of each. Off by default,
// so that the harness's wall and CPU times are those of a one-shot run.
const best = (action) => Math.min(...Array.from({ length: 20 }, () => timed(action)[1]));
const steady = process.argv.includes('--steady')
  ? { corpus_best_ms: best(() => docs.map(judge)), big_best_ms: best(() => judge(big)) }
  : {};

const launchNs = Number(process.env.BENCH_LAUNCH_NS ?? mainNs);
process.stdout.write(JSON.stringify({
  variant: 'ajv',
  launch_to_main_ms: (mainNs - launchNs) / 1e6,
  schemas_ms: schemasMs,
  cold_ms: coldMs,
  launch_to_first_ms: (firstNs - launchNs) / 1e6,
  corpus_ms: corpusMs,
  corpus_warm_ms: corpusWarmMs,
  big_ms: bigMs,
  big_warm_ms: bigWarmMs,
  ...steady,
  corpus_valid: firstPass.filter((v) => v).length,
  corpus_invalid: firstPass.filter((v) => !v).length,
  big_valid: bigValid,
  passes_agree: firstPass.every((v, i) => v === warmPass[i]),
  unexpected: docs.flatMap((d, i) => (firstPass[i] === d.expectValid ? [] : [`${basename(d.path)}: judged ${d.expectValid ? 'invalid' : 'valid'}`])),
  exceptions: [...new Set(failures)],
}) + '\n');

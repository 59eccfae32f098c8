// Counts a file's tokens with tiktoken (WASM): node tiktoken-count.mjs ENCODING FILE [ROUNDS]
// With ROUNDS: prints the median milliseconds of ROUNDS warm counts; without: counts once (a cold start).
import { get_encoding } from "tiktoken";
import { readFileSync } from "node:fs";
const [encodingName, file, rounds] = process.argv.slice(2);
const text = readFileSync(file, "utf8");
const encoding = get_encoding(encodingName);
if (!rounds) { console.log(encoding.encode_ordinary(text).length); process.exit(0); }
const times = [];
let count = 0;
for (let i = 0; i < Number(rounds); i++) {
  const start = process.hrtime.bigint();
  count = encoding.encode_ordinary(text).length;
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
console.log(`${count} ${times[Math.floor(times.length / 2)].toFixed(1)}`);

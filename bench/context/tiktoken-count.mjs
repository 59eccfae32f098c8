// Counts a file's tokens with tiktoken (WASM): node tiktoken-count.mjs ENCODING FILE [--warm OTHER]
// Without --warm: counts once (a cold start) and prints the count. With it: makes the encoder and counts OTHER first,
// then prints the count of FILE, the ms of its first count and of a second one (as the Uet side does).
import { get_encoding } from "tiktoken";
import { readFileSync } from "node:fs";
const [encodingName, file, warmFlag, other] = process.argv.slice(2);
const text = readFileSync(file, "utf8");
const encoding = get_encoding(encodingName);
if (warmFlag !== "--warm") { console.log(encoding.encode_ordinary(text).length); process.exit(0); }
encoding.encode_ordinary(readFileSync(other, "utf8"));
const timed = () => {
  const start = process.hrtime.bigint();
  const count = encoding.encode_ordinary(text).length;
  return [count, Number(process.hrtime.bigint() - start) / 1e6];
};
const [count, first] = timed();
const [, again] = timed();
console.log(`${count} ${first.toFixed(1)} ${again.toFixed(1)}`);

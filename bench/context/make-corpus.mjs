// Writes the benchmark corpus (1 MiB of UTF-8 of each kind) and tiktoken's ids for it, line by line, for both encodings.
// Run: node make-corpus.mjs OUT_DIR
import { get_encoding } from "tiktoken";
import { readFileSync, writeFileSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = process.argv[2];
mkdirSync(out, { recursive: true });
const MiB = 1 << 20;
const fill = text => { let s = ""; while (s.length < MiB) s += text; return s.slice(0, MiB); };
const files = dir => readdirSync(dir).flatMap(f => { const p = join(dir, f); return statSync(p).isDirectory() ? (["bin", "obj"].includes(f) ? [] : files(p)) : [p]; });
let seed = 99;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = list => list[Math.floor(random() * list.length)];

const code = files(join(root, "src")).filter(f => f.endsWith(".cs")).map(f => readFileSync(f, "utf8")).join("\n");
const prose = ["README.md", "bench/testlogger/README.md", "schema/uet/README.md"].map(f => readFileSync(join(root, f), "utf8")).join("\n");
const frames = ["System.Linq.Enumerable.First", "Shop.Checkout.Cart.Total", "Microsoft.VisualStudio.TestTools.UnitTesting.Assert.AreEqual", "Shop.Tests.CartTests.<TotalsAddUp>b__3_0"];
let logs = "";
while (logs.length < MiB) logs += `Assert.AreEqual failed. Expected:<${Math.floor(random() * 1000)}>. Actual:<${Math.floor(random() * 1000)}>.\n` + Array.from({ length: 12 }, () => `   at ${pick(frames)}() in /src/Shop/File${Math.floor(random() * 40)}.cs:line ${Math.floor(random() * 400)}`).join("\n") + "\n";
const cjkWords = ["测试", "失败", "错误", "堆栈", "跟踪", "テスト", "失敗", "エラー", "로그", "확인", "。", "、", "，"];
let cjk = ""; while (cjk.length < MiB) cjk += pick(cjkWords) + (random() < 0.1 ? "\n" : "");
const mixedUnits = ["hello", " ", "😀", "👨‍👩‍👧‍👦", "𝟏𝟐𝟑", "naïve", "e\u0301", "<|endoftext|>", "42", "\n", "==", "\t", "中文", "𝐀𝐛𝐜"];
let mixed = ""; while (mixed.length < MiB) mixed += pick(mixedUnits);
// At most 1 MiB of UTF-8 (a file of 1 MiB), cut between code points.
const oneMiB = text => { let bytes = 0, end = 0; for (const c of text) { bytes += Buffer.byteLength(c); if (bytes > MiB) break; end += c.length; } return text.slice(0, end); };
const kinds = Object.fromEntries(Object.entries({ code: fill(code), prose: fill(prose), logs, cjk, mixed }).map(([k, t]) => [k, oneMiB(t)]));

const encodings = ["cl100k_base", "o200k_base"].map(name => [name, get_encoding(name)]);
const lines = [];
for (const [kind, text] of Object.entries(kinds)) {
  writeFileSync(join(out, `${kind}.txt`), text);
  for (const line of text.split("\n").slice(0, 400)) {
    if (line.length === 0) continue;
    const row = { kind, text: line };
    for (const [name, encoding] of encodings) row[name] = Array.from(encoding.encode_ordinary(line));
    lines.push(row);
  }
}
encodings.forEach(([, e]) => e.free());
writeFileSync(join(out, "ids.json"), JSON.stringify(lines));
console.log(`corpus: ${Object.keys(kinds).length} kinds of 1 MiB, ${lines.length} lines with tiktoken ids, in ${out}`);

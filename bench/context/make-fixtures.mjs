// Writes the reference token ids of OpenAI's tiktoken (encode_ordinary: special-token text is ordinary text) for a
// corpus of hard cases and real files, for both encodings Uet counts exactly. Run: node make-fixtures.mjs OUT.json
import { get_encoding } from "tiktoken";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const texts = [];
const add = (kind, text) => texts.push({ kind, text });

// Real code and prose of this repository, in slices of 30 lines.
for (const file of ["src/Uet.Core/Recording/RunWriter.cs", "src/Uet.Core/Store/UetStore.cs", "README.md", "schema/uet/run_event.v1.json"]) {
  const lines = readFileSync(join(root, file), "utf8").split("\n");
  for (let i = 0; i < lines.length; i += 30) add("file", lines.slice(i, i + 30).join("\n"));
}
const stack = [
  "System.InvalidOperationException: Sequence contains no elements",
  "   at System.Linq.ThrowHelper.ThrowNoElementsException()",
  "   at Shop.Checkout.Cart.Total(IReadOnlyList`1 items) in /src/Shop/Checkout/Cart.cs:line 42",
  "   at Shop.Tests.CartTests.<>c__DisplayClass3_0.<TotalsAddUp>b__0() in /src/Shop.Tests/CartTests.cs:line 17",
  "   at Shop.Tests.CartTests.TotalsAddUpAsync() in C:\\src\\Shop.Tests\\CartTests.cs:line 23",
  "--- End of stack trace from previous location ---",
].join("\n");
add("stack", stack);
add("stack", "Assert.AreEqual failed. Expected:<42>. Actual:<41>. the totals differ\r\n" + stack);
for (const prose of [
  "I'm sure you'll see we've DON'T and WON'T; it's the user's call, isn't it? They'd say so.",
  "The quick brown fox jumps over the lazy dog. 1234567890 3.14159 1,000,000 -42 +7e10",
  "naïve café résumé e\u0301 ñ Ångström",
  "我们的测试在持续集成服务器上运行。错误信息应该清楚。",
  "テストが失敗しました。スタックトレースを確認してください。",
  "테스트가 실패했습니다. 로그를 확인하세요.",
  "नमस्ते दुनिया — مرحبا بالعالم — สวัสดีชาวโลก",
  "emoji 😀😃 👍🏽 👨‍👩‍👧‍👦 🇫🇷🇯🇵 ❤️ ✔️ 🀄",
  "astral 𝟏𝟐𝟑 𝟏23 a𝟏b 𝐀𝐁𝐂 abc 𝔘𝔢𝔱 𠜎𠜱 𝒳′ 𝕏",
  "𝟏𝟐𝟑𝟒𝟓𝟔𝟕 𝐇𝐞𝐥𝐥𝐨 𝐰𝐨𝐫𝐥𝐝's 😀's 𝐈'𝐦",
  "<|endoftext|>",
  "before<|endoftext|>after <|endofprompt|> <|fim_prefix|>x<|fim_suffix|>",
  "  leading spaces\n\n\n  \t tabs\t\tand\r\n\r\nCRLF   \n",
  "trailing spaces   ",
  "path/to/file.cs:line 12 // comment /* block */ #region {} [] () <> => != == <= >=",
]) add("hard", prose);
for (const [unit, times] of [["a", 2000], ["=", 1000], [" ", 500], ["\n", 100], ["7", 301], ["ab", 500], ["😀", 200], ["𝟏", 300], ["あ", 400]]) {
  add("run", unit.repeat(times));
}
// Random strings over a mixed alphabet, fixed seed.
let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const alphabet = [..."abcXYZ019 \n\t.,'_-/<|>é中文😀𝟏𝐀👍🏽\u0301"];
for (let i = 0; i < 60; i++) {
  const length = 1 + Math.floor(random() * 80);
  let text = "";
  for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
  add("random", text);
}

const encodings = ["cl100k_base", "o200k_base"].map(name => [name, get_encoding(name)]);
const out = texts.map(({ kind, text }) => {
  const row = { kind, text };
  for (const [name, encoding] of encodings) row[name] = Array.from(encoding.encode_ordinary(text));
  return row;
});
encodings.forEach(([, encoding]) => encoding.free());
writeFileSync(process.argv[2], JSON.stringify(out));
console.log(`${out.length} texts written to ${process.argv[2]}`);

#!/usr/bin/env python3
"""Writes an MSTest project of N tests, 10 % of them failing, into OUT_DIR (the same bytes on every run).

Of the failures, 3 in 7 are assertion failures (Assert.AreEqual of ints, strings, decimals, some with a message)
and 4 in 7 exceptions thrown through 10-30 levels of a few helper methods (with lambdas, an async chain, some
wrapped in an outer exception): 11-45 frames. About one test in eight, passing or failing, writes 1-4 lines
to stdout.

usage: generate.py N OUT_DIR [UET_FEED_DIR UET_VERSION]
Also writes OUT_DIR/manifest.json: the counts the harness checks a run against, and the mix.
"""
import json
import os
import random
import shutil
import sys

PER_CLASS = 100
NOUNS = ["Order", "Invoice", "Customer", "Shipment", "Ledger", "Payment", "Account", "Basket", "Report", "Token"]
VERBS = ["Computes", "Rejects", "Accepts", "Rounds", "Merges", "Parses", "Formats", "Splits", "Sums", "Maps"]
WHEN = ["WhenEmpty", "WithDiscount", "ForLargeInput", "AfterReload", "OnBoundary", "WithNulls", "Twice", "InOrder"]

CSPROJ = """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>disable</Nullable>
    <IsPackable>false</IsPackable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <!-- Generated code: no analyzer advice wanted. -->
    <NoWarn>$(NoWarn);MSTEST0001;MSTEST0032;MSTEST0037;MSTEST0025;CS1998</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="MSTest" Version="4.5.2" />
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.11.0" />
    <!-- Every logger is referenced, so one build serves every variant. -->
    <PackageReference Include="JunitXml.TestLogger" Version="8.1.0" />
    <PackageReference Include="GitHubActionsTestLogger" Version="3.0.5" />
{uet}  </ItemGroup>
</Project>
"""

NUGET_CONFIG = """<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
{uet}  </packageSources>
</configuration>
"""

# Helpers the failing tests throw through. NoInlining keeps every frame in the stack trace; "+ 1" after each
# call keeps the JIT from turning it into a tail call.
HELPERS = """using System.Runtime.CompilerServices;

namespace LoggerBench;

internal static class Pipeline
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Parse(int depth, int seed) => depth == 0 ? Fail(seed) : Validate(depth - 1, seed) + 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Validate(int depth, int seed) => depth == 0 ? Fail(seed) : Transform(depth - 1, seed) + 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Transform(int depth, int seed)
    {
        Func<int, int> next = d => Parse(d, seed) + 1;
        return depth == 0 ? Fail(seed) : next(depth - 1) + 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Import(int depth, int seed)
    {
        try
        {
            return Parse(depth, seed) + 1;
        }
        catch (Exception ex) when (seed % 2 == 0)
        {
            throw new InvalidOperationException($"Import of batch {seed} failed", ex);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task<int> LoadAsync(int depth, int seed)
    {
        if (depth % 4 == 0)
            await Task.Yield();
        return depth == 0 ? Fail(seed) : await StoreAsync(depth - 1, seed) + 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static async Task<int> StoreAsync(int depth, int seed) =>
        depth == 0 ? Fail(seed) : await LoadAsync(depth - 1, seed) + 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Fail(int seed) => (seed % 4) switch
    {
        0 => throw new InvalidOperationException($"Order {seed} is in state Closed and cannot be modified"),
        1 => throw new ArgumentOutOfRangeException(nameof(seed), seed, "Quantity must be between 1 and 999"),
        2 => throw new KeyNotFoundException($"No customer with id C-{seed:D6} in region eu-west"),
        _ => throw new FormatException($"Line {seed % 97}: expected ISO date, found '31/02/{2000 + seed % 25}'"),
    };

    public static int Sum(int a, int b, int c) => a + b + c;

    public static string Label(int i) => i % 3 == 0 ? "Gamma" : i % 3 == 1 ? "Alpha" : "Beta";
}
"""


def test_body(i, rng, failing):
    """The C# body of test i: (kind, is_async, lines), kind being passing, assertion or exception."""
    out = []
    if rng.random() < 0.125:
        for k in range(rng.randint(1, 4)):
            out.append(f'Console.WriteLine("step {k + 1}: processing record {i * 7 + k} of batch {i % 50}");')
    a, b, c = rng.randint(0, 999), rng.randint(0, 999), rng.randint(0, 999)
    if not failing:
        return "passing", False, out + [f"Assert.AreEqual({a + b + c}, Pipeline.Sum({a}, {b}, {c}));",
                                        f'Assert.AreEqual("{["Gamma", "Alpha", "Beta"][i % 3]}", Pipeline.Label({i}));']
    kind = rng.randrange(7)
    depth = rng.randint(10, 30)
    if kind == 0:
        return "assertion", False, out + [f"Assert.AreEqual({a + b + c + 1}, Pipeline.Sum({a}, {b}, {c}));"]
    if kind == 1:
        wrong = ["Gamma", "Alpha", "Beta"][(i + 1) % 3].lower()
        return "assertion", False, out + [f'Assert.AreEqual("{wrong}", Pipeline.Label({i}), "label of item {i}");']
    if kind == 2:
        return "assertion", False, out + [f"Assert.AreEqual({a}.{b:03d}m, {a}.{b:03d}m + {c % 9 + 1}m / 100, "
                                          f'"rounded total for invoice {i}");']
    if kind == 3:
        return "exception", False, out + [f"Pipeline.Parse({depth}, {i});"]
    if kind == 4:
        return "exception", False, out + [f"Pipeline.Import({depth}, {i});"]
    if kind == 5:
        return "exception", False, out + [f"Func<int> run = () => Pipeline.Transform({depth}, {i});", "run();"]
    return "exception", True, out + [f"await Pipeline.LoadAsync({depth}, {i});"]


def sources(n, seed=20240611):
    rng = random.Random(seed + n)
    failing = set(rng.sample(range(n), n // 10))
    files = {"Pipeline.cs": HELPERS}
    mix = dict.fromkeys(["passing", "assertion", "exception", "async", "writing_to_stdout"], 0)
    for start in range(0, n, PER_CLASS):
        cls = f"{NOUNS[start // PER_CLASS % len(NOUNS)]}{start // PER_CLASS:04d}Tests"
        lines = ["namespace LoggerBench;", "", "[TestClass]", f"public sealed class {cls}", "{"]
        for i in range(start, min(start + PER_CLASS, n)):
            kind, is_async, body = test_body(i, rng, i in failing)
            mix[kind] += 1
            mix["async"] += is_async
            mix["writing_to_stdout"] += any("Console." in x for x in body)
            name = f"{VERBS[i % len(VERBS)]}{NOUNS[i // 7 % len(NOUNS)]}{WHEN[i // 3 % len(WHEN)]}_{i:05d}"
            sig = f"public async Task {name}()" if is_async else f"public void {name}()"
            lines += ["    [TestMethod]", f"    {sig}", "    {"] + [f"        {x}" for x in body] + ["    }", ""]
        lines[-1] = "}"
        files[f"Tests/{cls}.cs"] = "\n".join(lines) + "\n"
    return files, len(failing), mix


def write_if_changed(path, text):
    """Unchanged files keep their time stamps, so a second run's build is incremental."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if os.path.exists(path) and open(path, encoding="utf-8").read() == text:
        return
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    uet_feed, uet_version = (sys.argv[3], sys.argv[4]) if len(sys.argv) > 4 else (None, None)
    files, failed, mix = sources(n)
    uet_ref = f'    <PackageReference Include="Uet.TestLogger" Version="{uet_version}" />\n' if uet_version else ""
    uet_src = f'    <add key="uet-local" value="{os.path.abspath(uet_feed)}" />\n' if uet_feed else ""
    files["LoggerBench.Tests.csproj"] = CSPROJ.replace("{uet}", uet_ref)
    files["nuget.config"] = NUGET_CONFIG.replace("{uet}", uet_src)
    # Keep the repository's props (warnings as errors, central package versions) out of this project.
    for name in ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"]:
        files[name] = "<Project>\n  <!-- Empty on purpose: the repository's settings stay out of the benchmark. -->\n</Project>\n"
    files["manifest.json"] = json.dumps({"tests": n, "failed": failed, "passed": n - failed, "mix": mix}) + "\n"
    stale = {os.path.join(out, "Tests", f) for f in os.listdir(os.path.join(out, "Tests"))} \
        if os.path.isdir(os.path.join(out, "Tests")) else set()
    proj = os.path.join(out, "LoggerBench.Tests.csproj")
    if os.path.exists(proj) and open(proj, encoding="utf-8").read() != files["LoggerBench.Tests.csproj"]:
        for d in ["bin", "obj"]:  # other packages: no logger assembly of the previous build may stay behind
            shutil.rmtree(os.path.join(out, d), ignore_errors=True)
    for rel, text in files.items():
        write_if_changed(os.path.join(out, rel), text)
        stale.discard(os.path.join(out, rel))
    for path in stale:
        os.remove(path)
    print(f"{out}: {n} tests, {failed} failing ({mix})")


if __name__ == "__main__":
    main()

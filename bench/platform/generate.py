#!/usr/bin/env python3
"""Writes a Microsoft.Testing.Platform MSTest project of N tests, 10 % of them failing, into OUT_DIR (the same
bytes on every run). The tests are bench/testlogger's (its generate.py is imported, not copied): the same seed,
mix of assertion and exception failures, stack depths and stdout lines; only the project around them differs.

usage: generate.py N OUT_DIR [UET_FEED_DIR UET_VERSION]
Also writes OUT_DIR/manifest.json: the counts the harness checks a run against, and the mix.
"""
import json
import os
import shutil
import sys

sys.dont_write_bytecode = True  # no __pycache__ in bench/testlogger (it is not git-ignored)
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "testlogger"))
from generate import sources, write_if_changed  # noqa: E402  (bench/testlogger/generate.py)

NAME = "PlatformBench.Tests"

CSPROJ = """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Exe</OutputType>
    <EnableMSTestRunner>true</EnableMSTestRunner>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>disable</Nullable>
    <IsPackable>false</IsPackable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <!-- Generated code: no analyzer advice wanted. -->
    <NoWarn>$(NoWarn);MSTEST0001;MSTEST0032;MSTEST0037;MSTEST0025;CS1998</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="MSTest" Version="4.5.3" />
    <!-- Every extension is referenced, so one build serves every variant; the options pick the variant. -->
    <PackageReference Include="Microsoft.Testing.Extensions.TrxReport" Version="2.5.3" />
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


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    uet_feed, uet_version = (sys.argv[3], sys.argv[4]) if len(sys.argv) > 4 else (None, None)
    files, failed, mix = sources(n)
    uet_ref = (f'    <PackageReference Include="Uet.TestLogger" Version="{uet_version}" PrivateAssets="all" />\n'
               if uet_version else "")
    uet_src = f'    <add key="uet-local" value="{os.path.abspath(uet_feed)}" />\n' if uet_feed else ""
    files[f"{NAME}.csproj"] = CSPROJ.replace("{uet}", uet_ref)
    files["nuget.config"] = NUGET_CONFIG.replace("{uet}", uet_src)
    # Keep the repository's props (warnings as errors, central package versions) out of this project.
    for name in ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"]:
        files[name] = "<Project>\n  <!-- Empty on purpose: the repository's settings stay out of the benchmark. -->\n</Project>\n"
    files["manifest.json"] = json.dumps({"name": NAME, "tests": n, "failed": failed, "passed": n - failed,
                                         "mix": mix}) + "\n"
    tests_dir = os.path.join(out, "Tests")
    stale = {os.path.join(tests_dir, f) for f in os.listdir(tests_dir)} if os.path.isdir(tests_dir) else set()
    proj = os.path.join(out, f"{NAME}.csproj")
    if os.path.exists(proj) and open(proj, encoding="utf-8").read() != files[f"{NAME}.csproj"]:
        for d in ["bin", "obj"]:  # other packages: no extension assembly of the previous build may stay behind
            shutil.rmtree(os.path.join(out, d), ignore_errors=True)
    for rel, text in files.items():
        write_if_changed(os.path.join(out, rel), text)
        stale.discard(os.path.join(out, rel))
    for path in stale:
        os.remove(path)
    print(f"{out}: {n} tests, {failed} failing ({mix})")


if __name__ == "__main__":
    main()

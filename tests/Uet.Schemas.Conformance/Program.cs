using Uet.Schemas.Conformance;

var folder = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "suite");
if (!Directory.Exists(Path.Combine(folder, "draft7")))
{
    Console.Error.WriteLine($"no draft7/ folder in {folder}: pass the folder of the JSON Schema test suite");
    return 2;
}

int passed = 0,
    failed = 0;
foreach (var file in new ConformanceSuite(folder).Run())
{
    Console.WriteLine($"{file.Name}: {file.Passed} passed, {file.Failures.Count} failed");
    foreach (var failure in file.Failures)
    {
        Console.WriteLine($"  FAILED {failure}");
    }

    passed += file.Passed;
    failed += file.Failures.Count;
}
Console.WriteLine($"{passed} passed, {failed} failed");
return failed == 0 ? 0 : 1;

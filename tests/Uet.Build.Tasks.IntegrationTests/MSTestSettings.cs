// These tests run real dotnet builds; two at a time suits a two-core machine.
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.MethodLevel)]

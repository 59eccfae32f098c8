// Each test opens LiteDB files of its own; two at a time suits a two-core machine.
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.MethodLevel)]

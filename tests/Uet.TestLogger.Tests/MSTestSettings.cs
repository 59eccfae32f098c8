// The logger hosted in-process on fake VSTest events; two at a time suits a two-core machine.
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.MethodLevel)]

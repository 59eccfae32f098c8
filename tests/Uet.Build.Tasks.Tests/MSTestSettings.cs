// The tasks hosted in-process on a recording build engine.
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.MethodLevel)]

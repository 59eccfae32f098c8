// Recorder tests write real store files; two at a time suits a two-core machine.
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.MethodLevel)]

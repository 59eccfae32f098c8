namespace Uet.Core.Store;

/// <summary>The store cannot be used: missing, corrupt, locked, read-only, newer than this Uet. The message says which.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);

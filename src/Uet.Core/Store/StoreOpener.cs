namespace Uet.Core.Store;

/// <summary>
/// Opens (or, with <paramref name="createIfMissing"/>, creates) the store at a location; throws
/// <see cref="StoreException"/>. Each face is handed the opener of the store it was built with.
/// </summary>
public delegate IRunStore StoreOpener(string location, bool createIfMissing);

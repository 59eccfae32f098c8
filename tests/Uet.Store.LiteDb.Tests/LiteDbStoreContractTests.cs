using Uet.Core.Store;
using Uet.Tests.StoreContract;

namespace Uet.Store.LiteDb.Tests;

/// <summary>The store contract, on a LiteDB file in a temp folder.</summary>
[TestClass]
public sealed class LiteDbStoreContractTests : RunStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override StoreOpener Opener => LiteDbStore.Opener;

    protected override IRunStore NewStore() => LiteDbStore.Open(Path.Combine(_folder.Path, $"{Guid.NewGuid():N}.db"));

    protected override string MissingLocation() => Path.Combine(_folder.Path, "missing", "uet.db");

    public void Dispose() => _folder.Dispose();
}

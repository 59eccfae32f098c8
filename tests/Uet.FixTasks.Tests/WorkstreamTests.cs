using Uet.FixTasks.Workstreams;

namespace Uet.FixTasks.Tests;

[TestClass]
public sealed class WorkstreamTests
{
    [TestMethod]
    public void AYamlWorkstreamGivesItsTasksDependenciesAndTheTestsItsChecksName()
    {
        using var folder = new TempFolder();
        var path = folder.Write(
            "checkout.workstream.yaml",
            """
            workstream_id: WS-checkout
            project_id: shop
            phase_id: PH-01
            name: Checkout
            objective: Pay.
            tasks:
              - task_id: api
                name: Payment API
                kind: code
                acceptance:
                  checks:
                    - test: Shop.Tests.Api.Pays
                    - tests: [Shop.Tests.Api.Refunds, Shop.Tests.Api.Voids]
                    - class: Shop.Tests.ApiContract
                    - category: payments
                    - command: make lint
              - task_id: ui
                name: Checkout UI
                kind: code
                depends_on: [api]
            """
        );

        var workstream = Workstream.Load(path);

        Assert.AreEqual("WS-checkout", workstream.Id);
        var api = workstream.Tasks[0];
        CollectionAssert.AreEqual(
            new[]
            {
                "test Shop.Tests.Api.Pays",
                "test Shop.Tests.Api.Refunds",
                "test Shop.Tests.Api.Voids",
                "class Shop.Tests.ApiContract",
                "category payments",
            },
            api.Checks.Select(c => c.ToString()).ToArray()
        );
        CollectionAssert.AreEqual(new[] { "api" }, workstream.Tasks[1].DependsOn.ToArray());
        Assert.IsTrue(
            api.Checks[0].Matches("Shop.Tests.Api.Pays(2,3)", []),
            "a data-driven test's name carries its arguments"
        );
        Assert.IsTrue(api.Checks[3].Matches("Shop.Tests.ApiContract.Schema", []));
        Assert.IsFalse(
            api.Checks[3].Matches("Shop.Tests.ApiContractV2.Schema", []),
            "a class is matched by its full name"
        );
        Assert.IsTrue(api.Checks[4].Matches("Shop.Tests.Other.X", ["Payments"]));
    }

    [TestMethod]
    public void ABrokenWorkstreamIsAnErrorWithLineAndColumn()
    {
        using var folder = new TempFolder();
        var path = folder.Write("bad.workstream.json", "{\n  \"tasks\": [\n    { \"task_id\": \"a\", }\n  ]\n}");

        var error = Assert.ThrowsExactly<InvalidDataException>(() => Workstream.Load(path));

        StringAssert.StartsWith(error.Message, $"the workstream cannot be read: {path}(3,");
    }

    [TestMethod]
    public void DependencyCyclesEndAndEveryTaskOnTheCycleIsBlocked()
    {
        var workstream = new Workstream(
            "W",
            [
                new WorkstreamTask("a", "a", ["c"], [new TestSelector("test", "T.X")]),
                new WorkstreamTask("b", "b", ["a"], []),
                new WorkstreamTask("c", "c", ["b"], []),
            ]
        );

        var blocked = BlockedWork.Of(workstream, [("FT-1", "T.X", [])]);

        CollectionAssert.AreEquivalent(new[] { "a", "b", "c" }, blocked.Keys.ToArray());
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, BlockedWork.BlockedBy("FT-1", blocked).ToArray());
    }
}

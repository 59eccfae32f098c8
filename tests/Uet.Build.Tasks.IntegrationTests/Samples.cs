namespace Uet.Build.Tasks.IntegrationTests;

/// <summary>UET documents the end-to-end tests put into consumer projects.</summary>
internal static class Samples
{
    public const string ValidWorkstream = """
        workstream_id: WS-1
        project_id: shop
        phase_id: PH-01
        name: Checkout
        objective: Ship the checkout page
        tasks:
          - task_id: api
            name: API
            kind: code
          - task_id: ui
            name: UI
            kind: code
            depends_on: [api]

        """;

    /// <summary>Three problems: objective missing (line 1), kind a number (line 7), depends_on naming no task (line 8).</summary>
    public const string BrokenWorkstream = """
        {
          "workstream_id": "WS-2",
          "project_id": "shop",
          "phase_id": "PH-01",
          "name": "Broken",
          "tasks": [
            {"task_id": "api", "name": "API", "kind": 7},
            {"task_id": "ui", "name": "UI", "kind": "code", "depends_on": ["apii"]}
          ]
        }

        """;

    public const string ValidTask = """{"task_id": "a", "name": "A", "kind": "code"}""";

    public const string ItemSchema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "type": "object",
          "required": ["name"],
          "properties": {"name": {"type": "string"}}
        }
        """;
}

using System.Globalization;
using System.Net;
using System.Text;
using Uet.FixTasks.Tasks;

namespace Uet.FixTasks.Reports;

/// <summary>
/// <c>fix-tasks.html</c>: one self-contained page that works offline from a CI artifact — a summary by priority,
/// the blocked work, a card per task, the tasks resolved in the session and a timeline of the session's runs and
/// hosts. It has no script at all, and a Content-Security-Policy that forbids any: every piece of test output is
/// HTML-encoded, control characters (ANSI colour codes) are shown as their Unicode pictures.
/// </summary>
public static class HtmlReport
{
    public const string FileName = "fix-tasks.html";

    private const int TestsListed = 100;

    public static string Render(ReportData data)
    {
        var page = new StringBuilder();
        Write(data, page, flush: () => { });
        return page.ToString();
    }

    /// <summary>The page into a writer, in pieces of a task each (a report of a thousand tasks is megabytes).</summary>
    public static void Write(ReportData data, TextWriter writer)
    {
        var page = new StringBuilder();
        Write(data, page, () =>
        {
            writer.Write(page);
            page.Clear();
        });
        writer.Write(page);
    }

    /// <summary>The page into <paramref name="page"/>; <paramref name="flush"/> may take what is there after each task.</summary>
    private static void Write(ReportData data, StringBuilder page, Action flush)
    {
        page.Append(
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Uet fix tasks</title>
            <style>
            body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d2430}
            h1{margin-bottom:.2rem}.meta{color:#5b6472;margin-top:0}
            .summary{display:flex;gap:.8rem;flex-wrap:wrap;margin:1rem 0}
            .count{border-radius:.5rem;padding:.6rem 1rem;min-width:6rem;background:#f2f4f7}
            .count b{display:block;font-size:1.6rem}
            .p1{border-left:6px solid #c62828}.p2{border-left:6px solid #ef6c00}.p3{border-left:6px solid #f9a825}.ok{border-left:6px solid #2e7d32}
            article{border:1px solid #d5dae1;border-radius:.5rem;padding:.8rem 1.2rem;margin:1rem 0}
            article h2{font-size:1.15rem;margin:.2rem 0 .6rem}
            .badge{font-size:.8rem;border-radius:1rem;padding:.1rem .6rem;color:#fff;margin-right:.4rem;vertical-align:middle}
            .b1{background:#c62828}.b2{background:#ef6c00}.b3{background:#a57d00}
            dl{display:grid;grid-template-columns:8rem 1fr;gap:.2rem .8rem;margin:.4rem 0}dt{color:#5b6472}dd{margin:0}
            pre{background:#f6f8fa;border-radius:.4rem;padding:.6rem;overflow:auto;white-space:pre-wrap;word-break:break-word;font-size:13px}
            code{font-size:13px}ul.tests{columns:2;margin:.3rem 0}
            table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e3e7ec;padding:.3rem .5rem;text-align:left;vertical-align:top}
            .lane{position:relative;height:1rem;background:#f2f4f7;border-radius:.3rem;min-width:12rem}
            .bar{position:absolute;top:0;bottom:0;border-radius:.3rem;background:#1565c0}.bar.failed{background:#c62828}.bar.succeeded{background:#2e7d32}
            </style>
            </head>
            <body>

            """
        );
        page.Append("<h1>Fix tasks</h1>\n<p class=\"meta\">")
            .Append(E(MarkdownReport.Summary(data)))
            .Append(" · generated ")
            .Append(E(data.GeneratedAt.ToString("u", CultureInfo.InvariantCulture)))
            .Append(data.SessionId is null ? "" : " · session " + E(data.SessionId))
            .Append("</p>\n");
        Summary(page, data);
        Blocked(page, data);
        page.Append("<section id=\"open\">\n");
        foreach (var task in data.Open)
        {
            Card(page, task);
            flush();
        }
        page.Append("</section>\n");
        if (data.Resolved.Count > 0)
        {
            page.Append("<section id=\"resolved\"><h2>Resolved in this session</h2>\n<ul>\n");
            foreach (var task in data.Resolved)
            {
                page.Append("<li>")
                    .Append(E(task.Title))
                    .Append(" <code>")
                    .Append(E(task.Id))
                    .Append("</code>")
                    .Append(task.Flaky ? " (flaky)" : "")
                    .Append("</li>\n");
            }
            page.Append("</ul></section>\n");
        }
        Timeline(page, data);
        page.Append("</body>\n</html>\n");
    }

    private static void Summary(StringBuilder page, ReportData data)
    {
        page.Append("<div class=\"summary\">\n");
        foreach (
            var (label, count, css) in new[]
            {
                ("critical", data.Open.Count(t => t.Priority == Priorities.Priority.Critical), "p1"),
                ("high", data.Open.Count(t => t.Priority == Priorities.Priority.High), "p2"),
                ("medium", data.Open.Count(t => t.Priority == Priorities.Priority.Medium), "p3"),
                ("resolved", data.Resolved.Count, "ok"),
                ("blocked work", data.BlockedWork?.Tasks.Count ?? 0, "p1"),
            }
        )
        {
            page.Append(CultureInfo.InvariantCulture, $"<div class=\"count {css}\"><b>{count}</b>{label}</div>\n");
        }
        page.Append("</div>\n");
    }

    private static void Blocked(StringBuilder page, ReportData data)
    {
        if (data.BlockedWork is not { Tasks.Count: > 0 } work)
        {
            return;
        }
        page.Append("<section id=\"blocked\"><h2>Blocked work</h2>\n<p>Workstream <code>")
            .Append(E(work.WorkstreamId))
            .Append("</code></p>\n");
        page.Append("<table><thead><tr><th>Task</th><th>Blocked by</th></tr></thead><tbody>\n");
        foreach (var task in work.Tasks)
        {
            page.Append("<tr><td><code>")
                .Append(E(task.TaskId))
                .Append("</code></td><td>")
                .Append(E(string.Join(", ", task.BlockedBy)))
                .Append("</td></tr>\n");
        }
        page.Append("</tbody></table></section>\n");
    }

    private static void Card(StringBuilder page, FixTask task)
    {
        var level = (int)task.Priority;
        page.Append(
            CultureInfo.InvariantCulture,
            $"<article class=\"task p{level}\" id=\"{E(task.Id)}\">\n<h2><span class=\"badge b{level}\">{MarkdownReport.Name(task.Priority)}</span>{E(task.Title)} <code>{E(task.Id)}</code></h2>\n<dl>\n"
        );
        Item(page, "Why", task.Reason);
        if (task.StartAt is not null)
        {
            Item(page, "Start at", task.StartAt);
        }
        Item(page, "Seen", MarkdownReport.Seen(task));
        if (task.Blocks.Count > 0)
        {
            Item(page, "Blocks", string.Join(", ", task.Blocks));
        }
        Item(page, "Signature", task.Signature);
        page.Append("</dl>\n");
        if (task.Message.Length > 0)
        {
            page.Append("<h3>Message</h3>\n<pre class=\"message\">").Append(E(task.Message)).Append("</pre>\n");
        }
        if (task.Tests.Count > 0)
        {
            page.Append(
                CultureInfo.InvariantCulture,
                $"<h3>Failing tests ({task.Tests.Count})</h3>\n<ul class=\"tests\">\n"
            );
            foreach (var test in task.Tests.Take(TestsListed))
            {
                page.Append("<li><code>")
                    .Append(E(test.Name))
                    .Append("</code>")
                    .Append(test.LastOutcome == TestRunOutcome.Passed ? " (passed last)" : "")
                    .Append("</li>\n");
            }
            page.Append(task.Tests.Count > TestsListed ? $"<li>… {task.Tests.Count - TestsListed} more</li>\n" : "")
                .Append("</ul>\n");
        }
        if (task.Stack.Count > 0)
        {
            page.Append("<h3>Stack (your code first)</h3>\n<pre class=\"stack\">")
                .Append(E(string.Join('\n', task.Stack)))
                .Append("</pre>\n");
        }
        if (task.Context is not null)
        {
            var size = task.ContextInfo is { } info
                ? $" ({info.Tokens} {(info.Estimated ? "estimated " : "")}tokens of {info.Model}, budget {info.Budget})"
                : "";
            page.Append("<details><summary>Context for a person or an AI agent")
                .Append(E(size))
                .Append("</summary>\n<pre class=\"context\">")
                .Append(E(task.Context))
                .Append("</pre></details>\n");
        }
        page.Append("</article>\n");
    }

    private static void Timeline(StringBuilder page, ReportData data)
    {
        if (data.Runs.Count == 0)
        {
            return;
        }
        var start = data.Runs.Min(r => r.StartedAt);
        var end = data.Runs.Max(r => r.EndedAt ?? data.GeneratedAt);
        var span = Math.Max((end - start).TotalMilliseconds, 1);
        page.Append(
            "<section id=\"timeline\"><h2>Runs of the session</h2>\n<table><thead><tr><th>Project</th><th>Recorded by</th><th>Outcome</th><th>Started</th><th>Duration</th><th>Timeline</th></tr></thead><tbody>\n"
        );
        foreach (var run in data.Runs)
        {
            var ended = run.EndedAt ?? data.GeneratedAt;
            var left = (run.StartedAt - start).TotalMilliseconds / span * 100;
            var width = Math.Max((ended - run.StartedAt).TotalMilliseconds / span * 100, 0.5);
            var outcome =
                $"{run.State}{(run.Aborted ? " (aborted)" : "")}: {run.Passed} passed, {run.Failed} failed, {run.Skipped} skipped";
            page.Append("<tr><td>")
                .Append(E(run.Project))
                .Append(" <small>")
                .Append(E(run.TargetFramework ?? ""))
                .Append("</small></td>")
                .Append("<td>")
                .Append(E($"{run.Recorder.Machine} pid {run.Recorder.ProcessId}"))
                .Append("</td>")
                .Append("<td>")
                .Append(E(outcome))
                .Append("</td>")
                .Append("<td>")
                .Append(E(run.StartedAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture)))
                .Append("</td>")
                .Append("<td>")
                .Append(E($"{(ended - run.StartedAt).TotalSeconds:0.0} s"))
                .Append("</td>")
                .Append(
                    CultureInfo.InvariantCulture,
                    $"<td><div class=\"lane\"><div class=\"bar {E(run.State)}\" style=\"left:{left:0.##}%;width:{width:0.##}%\"></div></div></td></tr>\n"
                );
            foreach (var host in data.Hosts.GetValueOrDefault(run.RunId) ?? [])
            {
                page.Append("<tr class=\"host\"><td></td><td>")
                    .Append(E($"test host pid {host.HostId}"))
                    .Append("</td><td colspan=\"4\">")
                    .Append(E(HostTimeline(host)))
                    .Append("</td></tr>\n");
            }
        }
        page.Append("</tbody></table></section>\n");
    }

    /// <summary>"started 10:00:01; degraded 10:00:31 (A.Tests.Hangs); quarantined 10:01:31, ended".</summary>
    private static string HostTimeline(Core.Health.HealthReport host) =>
        string.Join(
            "; ",
            new[] { $"started {host.LaunchedAt:HH:mm:ss}" }
                .Concat(
                    host.Findings.Select(f =>
                        $"{Step(f.Finding)} {f.At:HH:mm:ss}{(f.Finding.Test is { } test ? $" ({test}, no progress for {f.Finding.ProgressAge.TotalSeconds:0} s)" : "")}"
                    )
                )
                .Append(host.Outcome)
        );

    private static string Step(Core.Health.HealthFinding finding) =>
        finding.Kind switch
        {
            Core.Events.EventKinds.WorkerQuarantined => finding.Killed ? "quarantined and ended" : "quarantined",
            Core.Events.EventKinds.WorkerCrashed => "crashed",
            _ => finding.Health.ToString().ToLowerInvariant(),
        };

    private static void Item(StringBuilder page, string term, string value) =>
        page.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");

    /// <summary>Encoded for HTML text and attributes, control characters made visible.</summary>
    private static string E(string text) => WebUtility.HtmlEncode(MarkdownReport.Printable(text));
}

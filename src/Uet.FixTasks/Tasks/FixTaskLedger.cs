using LiteDB;
using Uet.Context;
using Uet.Core.Events;
using Uet.Core.Ledger;
using Uet.FixTasks.Priorities;
using Uet.FixTasks.Signatures;
using Uet.FixTasks.Workstreams;

namespace Uet.FixTasks.Tasks;

/// <summary>
/// Keeps the fix tasks across runs. At the end of each run: its failures are grouped by root cause
/// (<see cref="FailureSignature"/>); a cause seen before updates its task (occurrences, last seen, runs), a
/// resolved one is reopened, a new one is created; an open task whose tests all passed in a run of a later session
/// is resolved (within the session that failed them it stays open, as flaky); priorities are ranked again; the
/// workstream's blocked tasks are worked out. Every change is an event of the run.
/// </summary>
public sealed class FixTaskLedger(LedgerOptions options) : IFixTaskLedger
{
    /// <summary>The runs a task lists, the latest last.</summary>
    public const int RunsKept = 20;

    /// <summary>The exception type of the task that stands for an aborted run (a host that crashed or hung).</summary>
    public const string AbortedRun = "run aborted";

    private readonly Prioritizer _prioritizer = new(options.Rules);
    private readonly TaskContextBuilder _contexts = new(options.Model, options.TokenBudget, TokenCounter.Default);

    public LedgerChanges Update(CompletedRun run, LedgerState state)
    {
        var tasks = state.Tasks.Select(FixTaskJson.FromDocument).ToDictionary(t => t.Id, StringComparer.Ordinal);
        var events = new List<RunEvent>();
        var now = Timestamps.Format(Timestamps.Now());
        var changed = new HashSet<string>(StringComparer.Ordinal); // The tasks to save.
        void Save(FixTask task, FixTask? previous)
        {
            Record(task, previous, run.Run.RunId, events);
            tasks[task.Id] = task;
            changed.Add(task.Id);
        }

        foreach (
            var cause in run
                .Failures.Select(f => (Failure: f, Cause: FailureCause.Of(f)))
                .GroupBy(x => FailureSignature.Of(x.Cause, x.Failure.FullyQualifiedName))
        )
        {
            var previous = tasks.GetValueOrDefault(cause.Key.TaskId);
            Save(Failed(cause.Key, [.. cause], previous, run, now), previous);
        }
        var hosts = run
            .HostFindings.Where(f => f.Kind is EventKinds.WorkerQuarantined or EventKinds.WorkerCrashed)
            .ToList();
        foreach (var finding in hosts)
        {
            var task = Host(finding, run, tasks, now);
            Save(task, tasks.GetValueOrDefault(task.Id));
        }
        // An aborted run whose host the monitor caught has its task already, naming the test.
        if (run.Completion.Aborted && !run.Completion.Canceled && hosts.Count == 0)
        {
            var aborted = Aborted(run, tasks, now);
            Save(aborted, tasks.GetValueOrDefault(aborted.Id));
        }
        // The open tasks that did not fail in this run: their tests that passed, and whether that resolves them.
        foreach (var task in tasks.Values.Where(t => t.IsOpen && !changed.Contains(t.Id)).ToList())
        {
            var after = Passed(task, run, now);
            if (!ReferenceEquals(after, task))
            {
                Save(after, task);
            }
        }
        var blockedWork = options.Workstream is { } workstream
            ? Block(workstream, tasks, changed, state.BlockedWork, run.Run.RunId, events)
            : null;
        return new LedgerChanges([.. changed.Select(id => FixTaskJson.ToDocument(tasks[id]))], blockedWork, events);
    }

    /// <summary>The task of a root cause that failed tests in this run.</summary>
    private FixTask Failed(
        FailureSignature signature,
        List<(TestResultRecord Failure, FailureCause Cause)> failures,
        FixTask? existing,
        CompletedRun run,
        string now
    )
    {
        var (latest, cause) = failures[^1];
        var tests = WithOutcomes(existing?.Tests ?? [], failures.Select(f => f.Failure), run);
        var flaky = tests.Any(t => Flakiness.IsFlaky(t.History, options.Rules.FlakyRuns));
        var (priority, reason) = _prioritizer.Rank(
            [.. failures.Select(f => f.Failure)],
            tests.Count(t => t.LastOutcome == TestRunOutcome.Failed),
            flaky
        );
        var title = Title(signature, cause);
        var startAt =
            cause.FirstUserFrame is { File: { } file } frame ? $"{file}:{frame.Line}"
            : latest.CodeFilePath is { } path ? $"{path}:{latest.LineNumber}"
            : null;
        var failing = tests.Where(t => t.LastOutcome == TestRunOutcome.Failed).Select(t => t.Name).ToList();
        var (context, info) = _contexts.Build(title, cause, latest, failing, startAt);
        return SeenAgain(
            new FixTask
            {
                Id = signature.TaskId,
                Title = title,
                Priority = priority,
                Reason = reason,
                Signature = signature.Text,
                Status = FixTaskStatus.Open,
                Flaky = flaky,
                ExceptionType = signature.ExceptionType,
                Message = latest.ErrorMessage ?? "",
                Stack = [.. cause.FramesUserFirst.Select(f => f.Text)],
                StartAt = startAt,
                Tests = tests,
                FirstSeen = now,
                LastSeen = now,
                Context = context,
                ContextInfo = info,
            },
            existing,
            run.Run.RunId,
            failures.Count
        );
    }

    /// <summary>The task of a run that the platform aborted: one per project, critical, until a run completes.</summary>
    private static FixTask Aborted(CompletedRun run, Dictionary<string, FixTask> tasks, string now)
    {
        var reason = run.Completion.AbortReason ?? "no reason given";
        var signature = new FailureSignature(AbortedRun, run.Run.Project, run.Run.Project);
        var existing = tasks.GetValueOrDefault(signature.TaskId);
        var (priority, why) = Prioritizer.Aborted(reason);
        return SeenAgain(
            new FixTask
            {
                Id = signature.TaskId,
                Title = $"Test run of {run.Run.Project} aborted",
                Priority = priority,
                Reason = why,
                Signature = signature.Text,
                Status = FixTaskStatus.Open,
                ExceptionType = AbortedRun,
                Message = reason,
                FirstSeen = now,
                LastSeen = now,
                Context =
                    $"## Task\nThe test run of {run.Run.Project} was aborted: {reason}\nThe tests after the abort did not run; the last results before it are in run {run.Run.RunId}.\n",
            },
            existing,
            run.Run.RunId,
            1
        );
    }

    /// <summary>The task of a test host that hung (quarantined) or crashed: critical, naming the test it was running.</summary>
    private FixTask Host(
        Core.Health.HealthFinding finding,
        CompletedRun run,
        Dictionary<string, FixTask> tasks,
        string now
    )
    {
        var hung = finding.Kind == EventKinds.WorkerQuarantined;
        var test = finding.Test ?? "(no test running)";
        var signature = new FailureSignature(hung ? "test host hang" : "test host crash", test, run.Run.Project);
        var existing = tasks.GetValueOrDefault(signature.TaskId);
        var (priority, reason) = Prioritizer.Host(finding);
        var outcome = new TestRunOutcome(TestRunOutcome.Failed, run.Run.RunId, run.Run.SessionId);
        var known = existing?.Tests.FirstOrDefault(t => t.Name == test);
        IReadOnlyList<TaskTest> tests = finding.Test is null
            ? []
            :
            [
                known is null
                    ? new TaskTest(
                        test,
                        run.Run.Sources.Count > 0 ? run.Run.Sources[0] : null,
                        null,
                        null,
                        [],
                        [outcome]
                    )
                    : known with
                    {
                        History = Appended(known.History, outcome),
                    },
            ];
        var title = $"Test host {(hung ? "hung" : "crashed")} in {ShortMethod(test)}";
        return SeenAgain(
            new FixTask
            {
                Id = signature.TaskId,
                Title = title,
                Priority = priority,
                Reason = reason,
                Signature = signature.Text,
                Status = FixTaskStatus.Open,
                ExceptionType = signature.ExceptionType,
                Message = reason[(reason.IndexOf(':') + 2)..],
                Tests = tests,
                FirstSeen = now,
                LastSeen = now,
                Context =
                    $"## Task\n{title} (host process {finding.HostId}, project {run.Run.Project}).\n{reason}.\nRun {run.Run.RunId}; `uet events --run {run.Run.RunId} --kind {finding.Kind}` has the health checks.\n",
            },
            existing,
            run.Run.RunId,
            1
        );
    }

    /// <summary>An open task that did not fail in this run: its tests that passed, and whether that resolves it.</summary>
    private FixTask Passed(FixTask task, CompletedRun run, string now)
    {
        if (task.ExceptionType == AbortedRun)
        {
            return task.Signature.EndsWith($"| {run.Run.Project}", StringComparison.Ordinal)
                ? task with
                {
                    Status = FixTaskStatus.Resolved,
                    ResolvedAt = now,
                }
                : task;
        }
        if (!task.Tests.Any(t => run.PassedTests.Contains(t.Name)))
        {
            return task;
        }
        var tests = task
            .Tests.Select(t =>
                run.PassedTests.Contains(t.Name)
                    ? t with
                    {
                        History = Appended(
                            t.History,
                            new TestRunOutcome(TestRunOutcome.Passed, run.Run.RunId, run.Run.SessionId)
                        ),
                    }
                    : t
            )
            .ToList();
        var flaky = tests.Any(t => Flakiness.IsFlaky(t.History, options.Rules.FlakyRuns));
        var withinSession = tests.Any(t => Flakiness.PassedAfterFailingInOneSession(t.History));
        var updated = task with { Tests = tests, Flaky = flaky };
        if (flaky && updated.Priority == Priority.High)
        {
            updated = updated with
            {
                Priority = Priority.Medium,
                Reason = withinSession
                    ? "medium: flaky, a test failed and then passed within one test session"
                    : $"medium: flaky, its tests went from failing to passing and back in their last {options.Rules.FlakyRuns} runs",
            };
        }
        return tests.All(t => t.LastOutcome == TestRunOutcome.Passed) && !withinSession
            ? updated with
            {
                Status = FixTaskStatus.Resolved,
                ResolvedAt = now,
            }
            : updated;
    }

    /// <summary>The tests of a task with this run's failures added (a new test, or one more outcome of a known one).</summary>
    private List<TaskTest> WithOutcomes(
        IReadOnlyList<TaskTest> known,
        IEnumerable<TestResultRecord> failures,
        CompletedRun run
    )
    {
        var tests = known.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var failure in failures)
        {
            var outcome = new TestRunOutcome(TestRunOutcome.Failed, run.Run.RunId, run.Run.SessionId);
            tests[failure.FullyQualifiedName] = tests.TryGetValue(failure.FullyQualifiedName, out var test)
                ? test with
                {
                    History =
                        test.History.Count > 0 && test.History[^1].RunId == run.Run.RunId
                            ? test.History
                            : Appended(test.History, outcome),
                }
                : new TaskTest(
                    failure.FullyQualifiedName,
                    failure.Source,
                    failure.CodeFilePath,
                    failure.LineNumber,
                    failure.Categories,
                    [outcome]
                );
        }
        return [.. tests.Values.OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    private List<TestRunOutcome> Appended(IReadOnlyList<TestRunOutcome> history, TestRunOutcome outcome) =>
        [.. history.Append(outcome).TakeLast(Math.Max(options.Rules.FlakyRuns, 2))];

    /// <summary>
    /// A task seen in this run, with what it carries over from the task it was before: its first sight, its
    /// occurrences (so many more now), the runs it failed in (this one added) and the work it blocks.
    /// </summary>
    private static FixTask SeenAgain(FixTask task, FixTask? existing, string runId, int occurrences) =>
        task with
        {
            FirstSeen = existing?.FirstSeen ?? task.LastSeen,
            Occurrences = (existing?.Occurrences ?? 0) + occurrences,
            Runs = [.. (existing?.Runs ?? []).Append(runId).TakeLast(RunsKept)],
            Blocks = existing?.Blocks ?? [],
        };

    /// <summary>The events that say how a task changed: its status, then its priority (unless the first said it).</summary>
    private static void Record(FixTask task, FixTask? before, string runId, List<RunEvent> events)
    {
        if (before is null)
        {
            events.Add(FeedbackEvents.Created(runId, task));
            return;
        }
        if (!before.IsOpen && task.IsOpen)
        {
            events.Add(FeedbackEvents.Reopened(runId, task));
            return;
        }
        if (before.IsOpen && !task.IsOpen)
        {
            events.Add(FeedbackEvents.Resolved(runId, task));
        }
        if (before.Priority != task.Priority)
        {
            events.Add(FeedbackEvents.PriorityChanged(runId, before, task));
        }
    }

    /// <summary>Works out the blocked work, sets what each task blocks, and says what became blocked or unblocked.</summary>
    private static BsonDocument Block(
        Workstream workstream,
        Dictionary<string, FixTask> tasks,
        HashSet<string> changed,
        BsonDocument? previous,
        string runId,
        List<RunEvent> events
    )
    {
        var openTests = tasks
            .Values.Where(t => t.IsOpen)
            .SelectMany(t =>
                t.Tests.Where(x => x.LastOutcome == TestRunOutcome.Failed)
                    .Select(x => (t.Id, x.Name, (IReadOnlyCollection<string>)x.Categories))
            );
        var blocked = BlockedWork.Of(workstream, openTests);
        var before =
            previous is not null && previous["workstream_id"] == workstream.Id && previous["blocked"].IsDocument
                ? previous["blocked"]
                    .AsDocument.ToDictionary(p => p.Key, p => p.Value.AsArray.Select(v => v.AsString).ToList())
                : [];
        foreach (var (task, blockers) in blocked)
        {
            if (!before.TryGetValue(task, out var old) || !old.SequenceEqual(blockers))
            {
                events.Add(FeedbackEvents.Blocked(runId, workstream.Id, task, blockers));
            }
        }
        foreach (var task in before.Keys.Where(t => !blocked.ContainsKey(t)))
        {
            events.Add(FeedbackEvents.Unblocked(runId, workstream.Id, task));
        }
        foreach (var task in tasks.Values.ToList())
        {
            IReadOnlyList<string> blocks = task.IsOpen ? BlockedWork.BlockedBy(task.Id, blocked) : [];
            if (!blocks.SequenceEqual(task.Blocks))
            {
                tasks[task.Id] = task with { Blocks = blocks };
                changed.Add(task.Id);
            }
        }
        var document = new BsonDocument();
        foreach (var (task, blockers) in blocked)
        {
            document[task] = new BsonArray(blockers.Select(b => new BsonValue(b)));
        }
        return new BsonDocument { ["workstream_id"] = workstream.Id, ["blocked"] = document };
    }

    private static string Title(FailureSignature signature, FailureCause cause)
    {
        var place = ShortMethod(signature.Place);
        return signature.ExceptionType switch
            {
                "assertion" => $"Assertion failed in {place}",
                "failure" => $"Test failure in {place}",
                var type => $"{type[(type.LastIndexOf('.') + 1)..]} in {place}",
            } + (cause.FirstUserFrame is null ? "" : "()");
    }

    /// <summary>"Shop.Checkout.Cart.Total" → "Cart.Total", and so for a lambda in Total.</summary>
    private static string ShortMethod(string method)
    {
        var parts = method.Split('.');
        parts = parts.Length > 1 && parts[^1] == "lambda" ? parts[..^1] : parts;
        return parts.Length <= 2 ? method : string.Join('.', parts[^2..]);
    }
}

using Microsoft.Extensions.Time.Testing;
using Uet.Core.Events;
using Uet.Core.Ledger;
using Uet.Core.Runs;
using Uet.FixTasks.Ledger;
using Uet.FixTasks.Reports;
using Uet.FixTasks.Tasks;

namespace Uet.Tests.FixTasks;

/// <summary>
/// A ledger over an in-memory copy of what the store would hold, run after run, on a fake clock: each run starts
/// <see cref="RunLength"/> after the one before, so every time a task carries is known.
/// </summary>
internal sealed class LedgerHarness
{
    public static readonly DateTimeOffset FirstRunAt = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan RunLength = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _clock = new(FirstRunAt);
    private readonly FixTaskLedger _ledger;
    private readonly Dictionary<string, StoredFixTask> _tasks = [];
    private BlockedWorkState? _blocked;
    private readonly List<RunState> _runs = [];

    public LedgerHarness(LedgerOptions? options = null)
    {
        _ledger = new FixTaskLedger(options ?? new LedgerOptions(), _clock);
    }

    public IReadOnlyList<RunEvent> LastEvents { get; private set; } = [];

    /// <summary>Every event of every run so far, in order.</summary>
    public List<RunEvent> AllEvents { get; } = [];

    public IReadOnlyList<RunState> Runs => _runs;

    public BlockedWorkState? BlockedWork => _blocked;

    /// <summary>What a report of the runs so far shows.</summary>
    public ReportData Report() =>
        new(
            _runs.Count > 0 ? _runs[^1].SessionId : null,
            ReportData.Ordered(Tasks.Where(t => t.IsOpen)),
            ReportData.Ordered(Tasks.Where(t => !t.IsOpen)),
            BlockedWorkView.From(_blocked),
            _runs,
            _clock.GetUtcNow()
        );

    public IReadOnlyList<FixTask> Tasks =>
        [.. _tasks.Values.Select(FixTaskJson.FromStored).OrderBy(t => t.Priority).ThenBy(t => t.Id)];

    public FixTask Task(string titleStart) =>
        Tasks.Single(t => t.Title.StartsWith(titleStart, StringComparison.Ordinal));

    public IReadOnlyList<string> Kinds => [.. LastEvents.Select(e => e.Kind)];

    /// <summary>One run of a session: its failures and the names of the tests that passed.</summary>
    public void Run(
        string session,
        IReadOnlyList<TestResultRecord> failures,
        IEnumerable<string>? passed = null,
        RunCompletion? completion = null,
        string project = "Shop.Tests"
    )
    {
        var startedAt = _clock.GetUtcNow();
        var run = new RunState
        {
            RunId = Ids.New(),
            SessionId = session,
            Project = project,
            StartedAt = startedAt,
            Recorder = new RecorderProcess("test", 1, FirstRunAt, false),
        };
        _clock.Advance(RunLength); // The ledger runs when the run ends.
        _runs.Add(
            run with
            {
                State = failures.Count > 0 ? RunStates.Failed : RunStates.Succeeded,
                EndedAt = _clock.GetUtcNow(),
                Failed = failures.Count,
            }
        );
        var changes = _ledger.Update(
            new CompletedRun(
                run,
                completion ?? new RunCompletion(),
                failures,
                new HashSet<string>(passed ?? [], StringComparer.Ordinal)
            ),
            new LedgerState([.. _tasks.Values], _blocked)
        );
        foreach (var task in changes.Tasks)
        {
            _tasks[task.Id] = task;
        }
        _blocked = changes.BlockedWork ?? _blocked;
        LastEvents = changes.Events;
        AllEvents.AddRange(changes.Events);
    }
}

using System.CommandLine;
using Uet.Context;
using Uet.Context.Fitting;
using Uet.Context.Models;

namespace Uet.Cli.Commands;

/// <summary>
/// <c>uet context count|fit|chunk</c>: token counts for a model, a text fitted to a budget (head and tail lines
/// kept), a text cut into chunks that each fit. FILE or '-' (standard input).
/// </summary>
internal static class ContextCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("context", "Count tokens for a model; fit or chunk a text to a token budget.");
        command.Add(Count(context));
        command.Add(Fit(context));
        command.Add(Chunk(context));
        return command;
    }

    private static Command Count(CommandContext context)
    {
        var output = context.Output;
        var (model, file) = (Model(), File());
        var command = new Command("count", "Count a text's tokens; the last line printed is the count alone.")
        {
            model,
            file,
            Models(),
        };
        command.SetAction(parse =>
        {
            var count = CounterFor(context, parse).Count(Read(parse.GetValue(file)!), parse.GetValue(model)!);
            output.WriteLine($"{parse.GetValue(model)}: {(count.IsEstimate ? count.Basis : count.Basis + ", exact")}");
            output.WriteLine(count.Tokens);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Fit(CommandContext context)
    {
        var output = context.Output;
        var (model, budget, file) = (Model(), Budget(), File());
        var command = new Command(
            "fit",
            "Write the text fitted to the budget: its first and last lines, and how many were left out."
        )
        {
            model,
            budget,
            file,
            Models(),
        };
        command.SetAction(parse =>
        {
            var counter = Counter(context, parse, model);
            output.Write(Summarizer.Summarize(Read(parse.GetValue(file)!), parse.GetValue(budget), counter));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Chunk(CommandContext context)
    {
        var output = context.Output;
        var (model, budget, file) = (Model(), Budget(), File());
        var outDir = new Option<string>("--out")
        {
            Description = "The folder for the chunks (chunk-0001.txt, ...).",
            Required = true,
        };
        var overlap = new Option<int>("--overlap")
        {
            Description = "Lines of the previous chunk to repeat at the start of the next.",
        };
        var command = new Command("chunk", "Cut the text into chunks of at most the budget, on line boundaries.")
        {
            model,
            budget,
            file,
            outDir,
            overlap,
            Models(),
        };
        command.SetAction(parse =>
        {
            var counter = Counter(context, parse, model);
            var chunks = Chunker.Chunk(
                Read(parse.GetValue(file)!),
                parse.GetValue(budget),
                counter,
                parse.GetValue(overlap)
            );
            var folder = Directory.CreateDirectory(parse.GetValue(outDir)!).FullName;
            for (var i = 0; i < chunks.Count; i++)
            {
                var path = Path.Combine(folder, $"chunk-{i + 1:D4}.txt");
                System.IO.File.WriteAllText(path, chunks[i]);
                output.WriteLine($"{path}  {counter.Count(chunks[i])} tokens");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string> Model() =>
        new("--model") { Description = "The model, e.g. gpt-4o, gpt-4, claude-sonnet-4.", Required = true };

    private static Option<int> Budget()
    {
        var budget = new Option<int>("--budget") { Description = "The token budget.", Required = true };
        budget.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--budget must be a whole number of at least 1.");
            }
        });
        return budget;
    }

    private static Argument<string> File() =>
        new("file") { Description = "The text: a file, or '-' for standard input." };

    private static ITextCounter Counter(CommandContext context, ParseResult parse, Option<string> model) =>
        CounterFor(context, parse).For(parse.GetValue(model)!);

    /// <summary>The built-in model table, or with a table of one's own (--models FILE, else UET_MODELS).</summary>
    private static TokenCounter CounterFor(CommandContext context, ParseResult parse)
    {
        var file = parse.GetValue<string?>("--models") ?? context.Environment.Variable("UET_MODELS");
        if (string.IsNullOrWhiteSpace(file))
        {
            return TokenCounter.Default;
        }
        try
        {
            return new TokenCounter(ModelTable.Load(file));
        }
        catch (FormatException e)
        {
            throw new CommandException(e.Message);
        }
    }

    private static Option<string?> Models() =>
        new("--models")
        {
            Description = "A model table of your own (JSON), on top of the built-in one. Default: UET_MODELS.",
        };

    private static string Read(string file)
    {
        if (file == "-")
        {
            return Console.In.ReadToEnd();
        }
        return System.IO.File.Exists(file)
            ? System.IO.File.ReadAllText(file)
            : throw new CommandException($"{file}: no such file.");
    }
}

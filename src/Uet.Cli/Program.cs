using Uet.Cli;

return UetCommand.Run(args, Console.Out, Console.Error);

using BlindSpot.Cli;

// The blindspot command. Each verb lives in Commands/; CommandLineApp wires them and maps failures to exit codes.
return await CommandLineApp.RunAsync(args, Console.Out, Console.Error);

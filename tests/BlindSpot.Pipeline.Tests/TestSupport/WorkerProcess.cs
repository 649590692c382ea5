using System.Diagnostics;

namespace BlindSpot.Pipeline.Tests.TestSupport;

/// <summary>A <c>blindspot worker</c> in a process of its own (the built CLI), which a test can SIGKILL or SIGTERM.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> output = new();

    public WorkerProcess(string connectionString, string schema, string dataRoot, string models, params string[] queues)
        : this(connectionString, schema, dataRoot, models, new Dictionary<string, string>(), queues)
    {
    }

    public WorkerProcess(string connectionString, string schema, string dataRoot, string models, IReadOnlyDictionary<string, string> environment, params string[] queues)
    {
        var cli = Path.Combine(Repository.Root, "Cli", "bin", "Release", "net10.0", "blindspot.dll");
        if (!File.Exists(cli))
        {
            Assert.Inconclusive($"{cli} is not built; build the solution in Release first.");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { cli, "worker", "--postgres", connectionString, "--postgres-schema", schema, "--worklist-schema", schema, "--data", dataRoot, "--models", models, "--invisibility-timeout", "1" })
        {
            start.ArgumentList.Add(arg);
        }

        if (queues.Length > 0)
        {
            start.ArgumentList.Add("--queues");
            foreach (var queue in queues)
            {
                start.ArgumentList.Add(queue);
            }
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                output.Enqueue(line.Data);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>SIGKILL: no shutdown, no cleanup, the job stays Processing in the storage.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>What the worker printed on stdout so far.</summary>
    public string Output => string.Join('\n', output);

    /// <summary>SIGTERM, as systemd stops a service; waits up to <paramref name="limit"/> for the process to end and returns its exit code.</summary>
    public int Terminate(TimeSpan limit)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        if (!process.WaitForExit(limit))
        {
            Assert.Fail($"the worker did not stop within {limit} of SIGTERM");
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }
}

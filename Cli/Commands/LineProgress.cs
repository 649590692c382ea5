namespace BlindSpot.Cli.Commands;

/// <summary>Progress written at once, line by line (Progress&lt;T&gt; posts to the thread pool and can reorder lines).</summary>
internal sealed class LineProgress(TextWriter writer) : IProgress<string>
{
    public void Report(string value) => writer.WriteLine(value);
}

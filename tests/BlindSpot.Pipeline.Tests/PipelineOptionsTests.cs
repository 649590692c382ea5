namespace BlindSpot.Pipeline.Tests;

public sealed class PipelineOptionsTests
{
    [Test]
    public void Validate_Defaults_Pass() => Assert.DoesNotThrow(() => new PipelineOptions { DataRoot = "data" }.Validate());

    // Each case breaks one rule; the message must name the setting.
    [TestCase("WorkerCount", "WorkerCount must be 1–16")]
    [TestCase("Queue", "Queue must be lower-case")]
    [TestCase("ShardQueue", "ShardQueue must be lower-case")]
    [TestCase("ShardWorkerCount", "ShardWorkerCount must be 1–64")]
    [TestCase("WorklistSchema", "WorklistSchema must be lower-case")]
    [TestCase("PollInterval", "PollInterval must be 100 ms–15 s")]
    [TestCase("TimeZone", "TimeZone 'Mars/Olympus' is not a time zone")]
    [TestCase("DataRoot", "DataRoot is required")]
    public void Validate_SettingOutOfRange_ThrowsNamingIt(string setting, string message)
    {
        var options = new PipelineOptions { DataRoot = "data" };
        switch (setting)
        {
            case "WorkerCount": options.WorkerCount = 0; break;
            case "Queue": options.Queue = "Quarter-Runs"; break;
            case "ShardQueue": options.ShardQueue = "Shards!"; break;
            case "ShardWorkerCount": options.ShardWorkerCount = 0; break;
            case "WorklistSchema": options.WorklistSchema = "Blind Spot"; break;
            case "PollInterval": options.PollInterval = TimeSpan.FromMinutes(1); break;
            case "TimeZone": options.TimeZone = "Mars/Olympus"; break;
            default: options.DataRoot = ""; break;
        }

        Assert.That(() => options.Validate(), Throws.ArgumentException.With.Message.Contain(message));
    }

    [Test]
    public void ResolvedScoreShards_Default_OnWithPostgresOffInMemory()
    {
        Assert.That(new PipelineOptions { DataRoot = "data" }.ResolvedScoreShards, Is.False);
        Assert.That(new PipelineOptions { DataRoot = "data", PostgresConnectionString = "Host=db" }.ResolvedScoreShards, Is.True);
        Assert.That(new PipelineOptions { DataRoot = "data", PostgresConnectionString = "Host=db", ScoreShards = false }.ResolvedScoreShards, Is.False);
    }
}

using BlindSpot.Core.Runs;

namespace BlindSpot.Core.Tests.Runs;

public sealed class RunManifestTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("blindspot-manifest-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void SaveAndLoad_RoundTripsStages()
    {
        var path = Path.Combine(folder, "runs", "2026Q3", "manifest.json");
        var started = new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.FromHours(9));
        var manifest = new RunManifest { Quarter = "2026Q3" }.With(new StageRecord
        {
            Stage = "ingest",
            State = StageState.Completed,
            Inputs = new SortedDictionary<string, string> { ["raw/a.csv"] = "aa" },
            Counts = new SortedDictionary<string, long> { ["rowsRead"] = 10 },
            StartedAt = started,
            FinishedAt = started.AddSeconds(42),
        });

        manifest.Save(path);
        var loaded = RunManifest.LoadOrCreate(path, "2026Q3");

        Assert.That(loaded.Find("ingest")!.Counts["rowsRead"], Is.EqualTo(10));
        Assert.That(loaded.Find("ingest")!.Duration, Is.EqualTo(TimeSpan.FromSeconds(42)));
        Assert.That(File.Exists(path + ".tmp"), Is.False, "the temporary file is renamed into place");
    }

    [Test]
    public void With_SameStage_ReplacesTheEarlierRecord()
    {
        var manifest = new RunManifest { Quarter = "2026Q3" }
            .With(new StageRecord { Stage = "ingest", State = StageState.Failed, Error = "boom" })
            .With(new StageRecord { Stage = "ingest", State = StageState.Completed });

        Assert.That(manifest.Stages, Has.Count.EqualTo(1));
        Assert.That(manifest.Find("ingest")!.State, Is.EqualTo(StageState.Completed));
    }

    [Test]
    public void CompletedWith_ChangedInputHash_IsFalse()
    {
        var record = new StageRecord
        {
            Stage = "ingest",
            State = StageState.Completed,
            Inputs = new SortedDictionary<string, string> { ["raw/a.csv"] = "aa" },
        };

        Assert.That(record.CompletedWith(new Dictionary<string, string> { ["raw/a.csv"] = "aa" }), Is.True);
        Assert.That(record.CompletedWith(new Dictionary<string, string> { ["raw/a.csv"] = "bb" }), Is.False);
        Assert.That(record.CompletedWith(new Dictionary<string, string> { ["raw/a.csv"] = "aa", ["raw/b.csv"] = "cc" }), Is.False);
    }

    [Test]
    public void LoadOrCreate_NoFile_GivesAnEmptyManifest()
    {
        var manifest = RunManifest.LoadOrCreate(Path.Combine(folder, "none.json"), "2026Q3");

        Assert.That(manifest.Stages, Is.Empty);
        Assert.That(manifest.Quarter, Is.EqualTo("2026Q3"));
    }
}

using BlindSpot.Simulation.Tests.TestSupport;

namespace BlindSpot.Simulation.Tests;

public sealed class PopulationSimulatorTests
{
    [Test]
    public void RunAsync_SameSeedTwice_WritesByteIdenticalFiles()
    {
        // Gzip on, so the compressed deliveries are pinned too, and two quarters, so dispatches and outcomes are included.
        var first = Generated.Run(Some.Options(4_000, "2026Q1..2026Q2", seed: 42, gzip: true), TempFolders.Create());
        var second = Generated.Run(Some.Options(4_000, "2026Q1..2026Q2", seed: 42, gzip: true), TempFolders.Create());

        var a = FileHashes.Of(first.Root.Path);
        var b = FileHashes.Of(second.Root.Path);

        Assert.That(a.Keys, Has.Some.EndsWith(".csv.gz").And.Some.EndsWith(".parquet").And.Some.EqualTo("simulation.json").And.Some.EqualTo("outcomes/2026Q1/outcomes.csv"));
        Assert.That(b, Is.EqualTo(a));
    }

    [Test]
    public void RunAsync_OneThreadOrMany_WritesByteIdenticalFiles()
    {
        var one = Some.Options(3_000, "2026Q1..2026Q2", seed: 5);
        one.MaxDegreeOfParallelism = 1;
        var many = Some.Options(3_000, "2026Q1..2026Q2", seed: 5);
        many.MaxDegreeOfParallelism = 8;

        var a = FileHashes.Of(Generated.Run(one, TempFolders.Create()).Root.Path);
        var b = FileHashes.Of(Generated.Run(many, TempFolders.Create()).Root.Path);

        // simulation.json included: the thread count is a machine fact, so it is not recorded there.
        Assert.That(b, Is.EqualTo(a));
    }

    [Test]
    public void RunAsync_DifferentSeed_WritesDifferentFiles()
    {
        var first = Generated.Run(Some.Options(2_000, "2026Q2", seed: 1), TempFolders.Create());
        var second = Generated.Run(Some.Options(2_000, "2026Q2", seed: 2), TempFolders.Create());

        var a = FileHashes.Of(first.Root.Path);
        var b = FileHashes.Of(second.Root.Path);

        Assert.That(b.Keys, Is.EqualTo(a.Keys));
        Assert.That(a.Keys.Where(k => a[k] == b[k]), Is.Empty, "every file differs");
    }

    [Test]
    public void RunAsync_DirtSettings_DoNotMoveTheCleanRecords()
    {
        var (cleanRoot, clean) = Generated.Clean;
        var dirty = Some.Options(8_000, "2026Q1..2026Q2", seed: 11);
        var (_, dirtyReport) = Generated.Get(dirty);

        Assert.That(dirtyReport.Quarters.Select(q => q.Records), Is.EqualTo(clean.Quarters.Select(q => q.Records)));
        Assert.That(dirtyReport.RowsWritten, Is.GreaterThan(clean.RowsWritten));
        Assert.That(cleanRoot.Path, Is.Not.Empty);
    }

    [Test]
    public void RunAsync_InvalidOptions_ThrowsNamingTheRule()
    {
        var simulator = new PopulationSimulator(Generated.Catalog, Generated.Regions);
        var options = new SimulationOptions { People = 0 };

        var error = Assert.ThrowsAsync<ArgumentException>(() => simulator.RunAsync(options, new Core.Paths.DataRoot(TempFolders.Create())));

        Assert.That(error!.Message, Does.Contain("People must be").And.Contain("Seed is required").And.Contain("Quarters is required"));
    }
}

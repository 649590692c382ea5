using BlindSpot.Simulation.Tests.TestSupport;

namespace BlindSpot.Simulation.Tests;

public sealed class SimulationOptionsTests
{
    [Test]
    public void Problems_DefaultsWithRequiredValues_AreNone()
    {
        Assert.That(Some.Options(10, "2026Q3", seed: 1).Problems(), Is.Empty);
    }

    [TestCase(0, "People must be 1")] // nobody to simulate
    [TestCase(-5, "People must be 1")] // negative
    [TestCase(60_000_001, "People must be 1")] // beyond Korea with room to grow (51M generates, docs/BENCHMARKS.md)
    public void Problems_BadPeople_SaysTheRange(int people, string message)
    {
        var options = Some.Options(people, "2026Q3", seed: 1);

        Assert.That(options.Problems(), Has.Some.Contains(message));
    }

    [Test]
    public void Problems_NoSeed_SaysItIsRequired()
    {
        var options = Some.Options(10, "2026Q3", seed: 1);
        options.Seed = null;

        Assert.That(options.Problems(), Has.Some.Contains("Seed is required"));
    }

    [TestCase(-0.001, "DuplicateRate must be between 0 and 0.01")] // negative rate
    [TestCase(0.02, "DuplicateRate must be between 0 and 0.01")] // above the per-kind cap
    [TestCase(double.NaN, "DuplicateRate must be between 0 and 0.01")] // not a number
    public void Problems_BadDirtRate_SaysTheRange(double rate, string message)
    {
        var options = Some.Options(10, "2026Q3", seed: 1);
        options.DuplicateRate = rate;

        Assert.That(options.Problems(), Has.Some.Contains(message));
    }

    [Test]
    public void Problems_DirtAddingUpToOnePercent_IsRefused()
    {
        var options = Some.Options(10, "2026Q3", seed: 1);
        options.DuplicateRate = options.MalformedRate = options.UnknownKeyRate = 0.004;

        Assert.That(options.Problems(), Has.Some.Contains("keep them under 0.01"));
    }

    [Test]
    public void Validate_Invalid_ThrowsArgumentExceptionListingAll()
    {
        var options = new SimulationOptions { People = 0, AuditShare = 0.5 };

        Assert.That(options.Validate, Throws.ArgumentException.With.Message.Contains("AuditShare").And.Message.Contains("People"));
    }
}

using BlindSpot.Ingestion.Validation;

namespace BlindSpot.Ingestion.Tests.Validation;

public sealed class UInt128SetTests
{
    [Test]
    public void Add_ManyHashesPastInitialCapacity_KeepsEveryHashOnce()
    {
        // Sized for none, so the table grows several times; zero is folded onto one, so both are "seen" as one.
        var set = new UInt128Set(0);
        var hashes = Enumerable.Range(1, 50_000).Select(i => new UInt128(unchecked((ulong)i * 0x9E3779B97F4A7C15UL), (ulong)i)).ToList();

        var firstAdds = hashes.Select(set.Add).ToList();
        var secondAdds = hashes.Select(set.Add).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(firstAdds, Is.All.True);
            Assert.That(secondAdds, Is.All.False);
            Assert.That(set.Add(UInt128.Zero), Is.True);
            Assert.That(set.Add(UInt128.One), Is.False);
        });
    }
}

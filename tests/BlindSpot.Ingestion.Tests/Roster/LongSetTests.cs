using BlindSpot.Ingestion.Roster;

namespace BlindSpot.Ingestion.Tests.Roster;

public sealed class LongSetTests
{
    [Test]
    public void Add_ManyKeysPastInitialCapacity_KeepsEveryKeyOnce()
    {
        // Starts tiny so the set grows several times; zero and negative keys are ordinary pseudonyms too.
        var set = new LongSet(0);
        var keys = Enumerable.Range(-50_000, 100_001).Select(i => (long)i * 7_919).ToList();

        var firstAdds = keys.Select(set.Add).ToList();
        var secondAdds = keys.Select(set.Add).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(firstAdds, Is.All.True);
            Assert.That(secondAdds, Is.All.False);
            Assert.That(set.Count, Is.EqualTo(keys.Count));
            Assert.That(keys.All(set.Contains), Is.True);
            Assert.That(set.Contains(1), Is.False);
        });
    }
}

using BlindSpot.Dispatch.Discovery;

namespace BlindSpot.Dispatch.Tests.Discovery;

public sealed class DiscoveryCandidatesTests
{
    [Test]
    public void SigunguOf_AddedFromTwoBucketsOutOfKeyOrder_FindsEachAndMissesOthers()
    {
        var candidates = new DiscoveryCandidates(5);
        candidates.Add(50, 11110);
        candidates.Add(-7, 26110);
        candidates.Add(20, 11110);
        candidates.Add(3, 26110);

        candidates.Seal("roster");

        Assert.Multiple(() =>
        {
            Assert.That(new[] { 50L, -7, 20, 3 }.Select(candidates.SigunguOf), Is.EqualTo(new[] { 11110, 26110, 11110, 26110 }));
            Assert.That(candidates.SigunguOf(4), Is.EqualTo(-1));
            Assert.That(candidates.CountIn(11110), Is.EqualTo(2));
            Assert.That(candidates.CountIn(41110), Is.Zero);
            Assert.That(candidates.Count, Is.EqualTo(4));
        });
    }

    [Test]
    public void Seal_KeyInTwoBuckets_NamesTheRoster()
    {
        var candidates = new DiscoveryCandidates(2);
        candidates.Add(9, 11110);
        candidates.Add(9, 26110);

        var error = Assert.Throws<InvalidDataException>(() => candidates.Seal("/data/roster/2026Q3"));

        Assert.That(error!.Message, Does.StartWith("/data/roster/2026Q3").And.Contain("appears twice"));
    }
}

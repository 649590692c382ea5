using BlindSpot.Core.Memory;

namespace BlindSpot.Core.Tests.Memory;

public sealed class CachePrefetchTests
{
    [Test]
    public void Element_IndexOutsideTheArray_IsIgnored()
    {
        // Loops prefetch "the unit a few rows ahead", which is −1 for an unknown key: under checked arithmetic a plain
        // (uint) cast of −1 threw OverflowException mid-fold.
        int[] values = [1, 2, 3];

        Assert.Multiple(() =>
        {
            Assert.That(() => CachePrefetch.Element(values, -1), Throws.Nothing);
            Assert.That(() => CachePrefetch.Element(values, values.Length), Throws.Nothing);
            Assert.That(() => CachePrefetch.Element(Array.Empty<int>(), 0), Throws.Nothing);
            Assert.That(values, Is.EqualTo(new[] { 1, 2, 3 }));
        });
    }
}
